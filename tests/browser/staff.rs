//! The staff's workspace: working through the moderation queue (from the item's page, with the
//! keyboard, without JavaScript), verifying organisations, declaration years, indicator values;
//! and the 403 page for anyone else.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use labour_store::accounts::AccountRole;
use labour_tests::{Session, TestApp, TestResult, enterprise, verified_enterprise};

use crate::harness::{Browser, DESKTOP, Error, Options, PHONE};

/// Staff, and a verified enterprise with a member.
struct World {
    app: TestApp,
    staff: Session,
    org: uuid::Uuid,
    hr: Session,
}

async fn world() -> Result<World, Error> {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 7).await?;
    Ok(World {
        app,
        staff,
        org,
        hr,
    })
}

/// A job the enterprise created and submitted: it waits in the queue. Returns its id.
async fn pending_job(w: &World, title: &str) -> Result<String, Error> {
    let created = w
        .app
        .json(
            "POST",
            &format!("/api/v1/organisations/{}/postings", w.org),
            &w.hr.auth(),
            &labour_tests::job(title),
        )
        .await?;
    if created.status != 201 {
        return Err(format!("not created: {}", created.text()).into());
    }
    let id = created.json()["id"].as_str().ok_or("no id")?.to_owned();
    let submitted = w
        .app
        .call(
            "POST",
            &format!("/api/v1/postings/{id}/submit"),
            &w.hr.auth(),
        )
        .await?;
    if submitted.status != 200 {
        return Err(format!("not submitted: {}", submitted.text()).into());
    }
    Ok(id)
}

async fn posting(w: &World, id: &str) -> Result<serde_json::Value, Error> {
    Ok(w.app
        .call("GET", &format!("/api/v1/postings/{id}"), &w.hr.auth())
        .await?
        .json())
}

async fn staff_browser(w: &World, options: Options) -> Result<Browser, Error> {
    let browser = Browser::start(&w.app, options).await?;
    browser.sign_in_with(&w.staff.refresh).await?;
    Ok(browser)
}

/// Chooses `value` in the select `css`.
async fn choose(browser: &Browser, css: &str, value: &str) -> Result<(), Error> {
    browser
        .client
        .find(Locator::Css(css))
        .await?
        .select_by_value(value)
        .await?;
    Ok(())
}

/// The queue walked from the item's page: approve the first, the second opens by itself, reject
/// it with a reason and a note; the owner reads the reason.
async fn work_the_queue(size: (u32, u32), shots: bool) -> TestResult {
    let w = world().await?;
    let first = pending_job(&w, "Thợ hàn kết cấu thép").await?;
    let second = pending_job(&w, "Công nhân lắp ráp điện tử").await?;
    let browser = staff_browser(
        &w,
        Options {
            javascript: true,
            size,
        },
    )
    .await?;

    browser.open("/staff").await?;
    assert_eq!(browser.text("#count-new").await?, "2");
    browser.axe().await?;
    browser.click("a[href='/staff/queue']").await?;
    assert_eq!(browser.path().await?, "/staff/queue");
    let titles = browser.texts("#queue h2").await?;
    assert_eq!(
        titles,
        ["Thợ hàn kết cấu thép", "Công nhân lắp ráp điện tử"],
        "the oldest first"
    );
    let line = browser.text("#queue li").await?;
    assert!(line.contains("Doanh nghiệp 7"), "{line}");
    assert!(line.contains("Tin mới"), "{line}");
    browser.axe().await?;
    if shots {
        browser.screenshot("staff-queue").await?;
    }

    browser.click("#start").await?;
    assert_eq!(browser.path().await?, format!("/staff/queue/{first}"));
    assert_eq!(browser.text("h1").await?, "Thợ hàn kết cấu thép");
    assert!(
        browser
            .text("#org-verification")
            .await?
            .contains("Đã xác minh")
    );
    assert_eq!(browser.text("#reports").await?, "Chưa ai báo cáo tin này.");
    browser.axe().await?;
    if shots {
        browser.screenshot("staff-queue-item").await?;
    }
    browser.click("#approve").await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with(&format!("/staff/queue/{second}?done=approved")),
        "the next item opens: {}",
        browser.path().await?
    );
    let banner = browser.text("#decided").await?;
    assert!(banner.contains("Đã duyệt"), "{banner}");
    assert!(banner.contains("Thợ hàn kết cấu thép"), "{banner}");
    assert_eq!(posting(&w, &first).await?["state"], "published");

    // A rejection without a reason comes back with the message beside the field.
    browser.click("#reject").await?;
    assert!(
        browser
            .text("#reject-code-error")
            .await?
            .contains("Hãy chọn lý do")
    );
    browser.axe().await?;
    choose(&browser, "#reject-code", "wrong_information").await?;
    browser
        .fill("#reject-note", "Mức lương ghi sai đơn vị; hãy sửa lại.")
        .await?;
    browser.click("#reject").await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with("/staff/queue?done=rejected"),
        "the queue is empty: {}",
        browser.path().await?
    );
    assert!(browser.text("#decided").await?.contains("Đã từ chối"));
    assert!(browser.text("#queue-empty").await?.contains("Không còn"));
    browser.axe().await?;

    // The audit trail names who decided and why.
    browser
        .open(&format!("/staff/postings/{second}/history"))
        .await?;
    let history = browser.text("#history").await?;
    assert!(history.contains("Từ chối"), "{history}");
    assert!(history.contains("Thông tin sai"), "{history}");
    assert!(history.contains("Mức lương ghi sai đơn vị"), "{history}");
    browser.axe().await?;

    // The owner reads the code chosen and the note apart.
    let rejected = posting(&w, &second).await?;
    assert_eq!(rejected["state"], "rejected");
    assert_eq!(rejected["moderation_reason_code"], "wrong_information");
    assert_eq!(
        rejected["moderation_reason"],
        "Mức lương ghi sai đơn vị; hãy sửa lại."
    );
    browser.close().await
}

#[actix_web::test]
async fn staff_work_the_queue_from_each_item() -> TestResult {
    work_the_queue(DESKTOP, true).await
}

#[actix_web::test]
async fn staff_work_the_queue_on_a_phone() -> TestResult {
    work_the_queue(PHONE, false).await
}

/// Presses one key on the page (no field focused) and waits for the page it leads to.
async fn press(browser: &Browser, key: char) -> Result<(), Error> {
    let old = browser.client.find(Locator::Css("html")).await?;
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser.client.perform_actions(keys).await?;
    let started = Instant::now();
    while old.tag_name().await.is_ok() {
        if started.elapsed() > Duration::from_secs(15) {
            return Err(format!("no new page after pressing {key}").into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    while browser.client.find(Locator::Css("body")).await.is_err() {
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    browser.check_translations().await
}

#[actix_web::test]
async fn a_key_approves_and_the_same_works_without_javascript() -> TestResult {
    let w = world().await?;
    let first = pending_job(&w, "Thợ hàn kết cấu thép").await?;
    let second = pending_job(&w, "Công nhân lắp ráp điện tử").await?;

    let browser = staff_browser(&w, Options::default()).await?;
    browser.open(&format!("/staff/queue/{first}")).await?;
    let shortcuts = browser.text("#shortcuts").await?;
    assert!(
        shortcuts.contains("duyệt"),
        "shown with the script: {shortcuts}"
    );
    press(&browser, 'a').await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with(&format!("/staff/queue/{second}"))
    );
    assert_eq!(posting(&w, &first).await?["state"], "published");
    // `n` skips to the next item without deciding; the only other one is gone, so the queue.
    press(&browser, 'n').await?;
    assert_eq!(browser.path().await?, "/staff/queue");
    browser.close().await?;

    let browser = staff_browser(
        &w,
        Options {
            javascript: false,
            size: PHONE,
        },
    )
    .await?;
    browser.open(&format!("/staff/queue/{second}")).await?;
    assert!(
        !browser
            .client
            .find(Locator::Css("#shortcuts"))
            .await?
            .is_displayed()
            .await?,
        "no shortcuts are offered without the script"
    );
    browser.click("#approve").await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with("/staff/queue?done=approved")
    );
    assert_eq!(posting(&w, &second).await?["state"], "published");
    browser.close().await
}

#[actix_web::test]
async fn staff_verify_one_organisation_and_refuse_another() -> TestResult {
    let w = world().await?;
    let owner = w.app.account(AccountRole::User, "owner@example.vn").await?;
    let good = w
        .app
        .organisation(&owner, enterprise("Công ty May Lạng Sơn", 21))
        .await?;
    let other = w.app.account(AccountRole::User, "other@example.vn").await?;
    let bad = w
        .app
        .organisation(&other, enterprise("Công ty Không Rõ", 33))
        .await?;
    let browser = staff_browser(&w, Options::default()).await?;
    browser.open("/staff/organisations").await?;
    let names = browser.texts("#organisations h2").await?;
    assert_eq!(
        names,
        ["Công ty May Lạng Sơn", "Công ty Không Rõ"],
        "oldest first"
    );
    assert!(
        browser
            .text("#organisations li")
            .await?
            .contains("Mã số thuế")
    );
    browser.axe().await?;

    browser
        .click(&format!("a[href='/staff/organisations/{good}']"))
        .await?;
    browser.axe().await?;
    browser.click_in_page("#decision-verified").await?;
    browser.click("#save-decision").await?;
    assert!(browser.text("#decided").await?.contains("Đã xác minh"));
    assert_eq!(
        browser.texts("#organisations h2").await?,
        ["Công ty Không Rõ"]
    );

    browser
        .click(&format!("a[href='/staff/organisations/{bad}']"))
        .await?;
    browser.click_in_page("#decision-refused").await?;
    browser.click("#save-decision").await?;
    // A refusal needs its reason.
    assert!(browser.text("#reason-error").await?.contains("lý do"));
    browser.axe().await?;
    browser
        .fill("#reason", "Mã số thuế không khớp với tên doanh nghiệp.")
        .await?;
    browser.click("#save-decision").await?;
    assert!(browser.text("#decided").await?.contains("từ chối"));
    assert!(
        browser
            .text("#organisations-empty")
            .await?
            .contains("Không có")
    );

    let seen = w
        .app
        .call(
            "GET",
            &format!("/api/v1/organisations/{bad}"),
            &other.auth(),
        )
        .await?
        .json();
    assert_eq!(seen["verification"], "refused");
    assert_eq!(
        seen["verification_reason"],
        "Mã số thuế không khớp với tên doanh nghiệp."
    );
    let seen = w
        .app
        .call(
            "GET",
            &format!("/api/v1/organisations/{good}"),
            &owner.auth(),
        )
        .await?
        .json();
    assert_eq!(seen["verification"], "verified");
    browser.close().await
}

#[actix_web::test]
async fn a_worker_gets_the_forbidden_page_on_the_queue() -> TestResult {
    let w = world().await?;
    let worker = w
        .app
        .account(AccountRole::User, "worker@example.vn")
        .await?;
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.sign_in_with(&worker.refresh).await?;
    for path in ["/staff", "/staff/queue", "/staff/organisations"] {
        browser.open(path).await?;
        assert_eq!(
            browser.text("h1").await?,
            "Bạn không có quyền làm việc này",
            "{path}"
        );
    }
    browser.axe().await?;
    let res = w.app.get("/staff/queue").await?;
    assert_eq!(res.status, 303, "someone not signed in is sent to sign in");
    browser.close().await
}

#[actix_web::test]
async fn staff_open_a_year_remind_who_has_not_declared_and_close_it() -> TestResult {
    let w = world().await?;
    let browser = staff_browser(&w, Options::default()).await?;
    browser.open("/staff/declaration-years").await?;
    browser.axe().await?;
    browser.fill("#year", "2025").await?;
    browser.click("#open-year").await?;
    assert_eq!(
        browser.path().await?,
        "/staff/declaration-years/2025?done=opened"
    );
    assert!(
        browser
            .text("#year-state")
            .await?
            .contains("đang nhận kê khai")
    );
    let missing = browser.text("#missing").await?;
    assert!(missing.contains("Doanh nghiệp 7"), "{missing}");
    assert!(missing.contains("Chưa nhắc"), "{missing}");
    browser.axe().await?;
    browser.click("#remind").await?;
    assert!(
        browser
            .text("#done")
            .await?
            .contains("Đã nhắc 1 doanh nghiệp")
    );
    assert!(!browser.text("#missing").await?.contains("Chưa nhắc"));
    // Opening the same year again is refused beside the field.
    browser.open("/staff/declaration-years").await?;
    browser.fill("#year", "2025").await?;
    browser.click("#open-year").await?;
    assert!(!browser.text("#year-error").await?.is_empty());
    // The export: the same file as the API's, for the browser's session.
    let cookie = format!("lm_session={}", w.staff.refresh);
    let file = w
        .app
        .send(
            "GET",
            "/staff/declaration-years/2025/declarations?format=csv",
            &[("cookie", &cookie)],
            None,
        )
        .await?;
    assert_eq!(file.status, 200);
    assert!(
        file.header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert!(file.text().contains("Mã số thuế"), "{}", file.text());
    let worker = w
        .app
        .account(AccountRole::User, "worker@example.vn")
        .await?;
    let refused = w
        .app
        .send(
            "GET",
            "/staff/declaration-years/2025/declarations?format=csv",
            &[("cookie", &format!("lm_session={}", worker.refresh))],
            None,
        )
        .await?;
    assert_eq!(refused.status, 403);
    browser.open("/staff/declaration-years/2025").await?;
    browser.click("#close-year").await?;
    browser.axe().await?;
    browser.click("#confirm-close").await?;
    assert_eq!(
        browser.path().await?,
        "/staff/declaration-years/2025?done=closed"
    );
    assert!(browser.text("#year-state").await?.contains("đã đóng"));
    assert!(
        browser.texts("#remind").await?.is_empty(),
        "a closed year has no reminders"
    );
    browser.close().await
}

#[actix_web::test]
async fn an_indicator_value_entered_with_its_source_shows_on_the_statistics_page() -> TestResult {
    let w = world().await?;
    let browser = staff_browser(&w, Options::default()).await?;
    browser.open("/staff/indicators").await?;
    browser.axe().await?;
    choose(&browser, "#key", "it_skills_share").await?;
    browser.fill("#year", "2024").await?;
    browser.fill("#value", "62,5").await?;
    // No source: the form comes back with the message beside the field.
    browser.click("#save-value").await?;
    assert!(!browser.text("#source-error").await?.is_empty());
    assert_eq!(browser.value("#value").await?, "62,5");
    browser.axe().await?;
    browser
        .fill(
            "#source",
            "Sở Lao động - Thương binh và Xã hội, báo cáo năm 2024",
        )
        .await?;
    browser.click("#save-value").await?;
    assert!(browser.text("#done").await?.contains("Đã lưu"));
    let line = browser.text("#kpi-it_skills_share").await?;
    assert!(line.contains("62,5"), "{line}");
    assert!(line.contains("báo cáo năm 2024"), "{line}");
    browser.open("/statistics").await?;
    let board = browser.text("#kpis").await?;
    assert!(board.contains("62,5"), "{board}");
    browser.close().await
}

#[actix_web::test]
async fn an_admin_makes_a_staff_account_and_staff_issue_a_reset_code() -> TestResult {
    let app = TestApp::spawn().await?;
    let admin = app.account(AccountRole::Admin, "admin@example.vn").await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&admin.refresh).await?;
    browser.open("/staff/accounts").await?;
    browser.axe().await?;
    browser.fill("#display_name", "Nguyễn Thị Hoa").await?;
    browser.fill("#email", "hoa@example.vn").await?;
    browser.fill("#password", "ngắn").await?;
    browser.click("#create-account").await?;
    assert!(!browser.text("#password-error").await?.is_empty());
    assert_eq!(browser.value("#display_name").await?, "Nguyễn Thị Hoa");
    assert_eq!(
        browser.value("#password").await?,
        "",
        "a password never comes back"
    );
    browser.axe().await?;
    browser.fill("#password", "một mật khẩu đủ dài").await?;
    browser.click("#create-account").await?;
    assert!(browser.text("#done").await?.contains("Đã tạo"));
    assert!(browser.text("#accounts").await?.contains("hoa@example.vn"));
    let hoa = app.login("hoa@example.vn", "một mật khẩu đủ dài").await?;
    browser.close().await?;

    // The new staff member issues a code for a phone-only account.
    let sign_up = serde_json::json!({ "phone": "0987654321", "password": "mật khẩu cũ 123", "display_name": "Lan" });
    app.json(
        "POST",
        "/api/v1/accounts",
        &labour_tests::Auth::None,
        &sign_up,
    )
    .await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&hoa.refresh).await?;
    browser.open("/staff").await?;
    assert!(
        browser.texts("a[href='/staff/accounts']").await?.is_empty(),
        "staff are not admins"
    );
    browser.click("a[href='/staff/reset-codes']").await?;
    browser.axe().await?;
    browser.fill("#phone", "0987654321").await?;
    browser.click("#issue-code").await?;
    let code = browser.text("#code").await?;
    assert_eq!(code.len(), 11, "{code}");
    browser.axe().await?;
    let reset = serde_json::json!({ "phone": "0987654321", "code": code, "new_password": "mật khẩu mới 456" });
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &labour_tests::Auth::None,
            &reset,
        )
        .await?;
    assert!(res.status < 300, "{} {}", res.status, res.text());
    browser.open("/staff/accounts").await?;
    assert_eq!(browser.text("h1").await?, "Bạn không có quyền làm việc này");
    browser.close().await
}

#[actix_web::test]
async fn a_reported_revision_shows_its_changes_and_reporters_and_staff_remove_it() -> TestResult {
    let w = world().await?;
    let id = w
        .app
        .publish(w.org, &w.hr, &w.staff, &labour_tests::job("Thợ hàn điện"))
        .await?;
    let path = format!("/api/v1/postings/{id}");
    let worker = w.app.account(AccountRole::User, "lan@example.vn").await?;
    let report =
        serde_json::json!({ "reason": "asks_for_money", "note": "Họ đòi đặt cọc 2 triệu." });
    let res = w
        .app
        .json("POST", &format!("{path}/reports"), &worker.auth(), &report)
        .await?;
    assert!(res.status < 300, "{}", res.text());
    let public = w.app.call("GET", &path, &w.hr.auth()).await?;
    let mut edited = labour_tests::job("Thợ hàn điện (tăng lương)");
    edited["salary"] =
        serde_json::json!({ "type": "range", "min_vnd": 10000000, "max_vnd": 14000000 });
    let tag = public.header("etag").unwrap_or_default().to_owned();
    let res = w
        .app
        .send_json("PUT", &path, &w.hr.auth(), &[("if-match", &tag)], &edited)
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());

    let browser = staff_browser(&w, Options::default()).await?;
    browser.open("/staff/queue?reported=true").await?;
    let line = browser.text("#queue li").await?;
    assert!(line.contains("Bản sửa"), "{line}");
    assert!(line.contains("Báo cáo: 1"), "{line}");
    browser.click("#start").await?;
    let changes = browser.text("#changes + p + .table-scroll").await?;
    assert!(changes.contains("Thợ hàn điện (tăng lương)"), "{changes}");
    assert!(changes.contains("10–14 triệu đồng/tháng"), "{changes}");
    let reports = browser.text("#reports").await?;
    assert!(reports.contains("Đòi người lao động nộp tiền"), "{reports}");
    assert!(reports.contains("Họ đòi đặt cọc 2 triệu."), "{reports}");
    assert!(
        reports.contains("lan@example.vn"),
        "staff see the reporter: {reports}"
    );
    browser.axe().await?;
    choose(&browser, "#remove-code", "asks_for_money").await?;
    browser.click("#remove").await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with("/staff/queue?done=removed"),
        "the queue, its filter kept: {}",
        browser.path().await?
    );
    assert!(browser.path().await?.ends_with("&reported=true"));
    let seen = w.app.call("GET", &path, &w.hr.auth()).await?.json();
    assert_eq!(seen["state"], "removed");
    // The decision carries the report's code; without a note there is none to read.
    assert_eq!(seen["moderation_reason_code"], "asks_for_money");
    assert!(seen.get("moderation_reason").is_none(), "{seen}");
    browser.close().await
}

//! An organisation's postings in the browser: an enterprise posts a job with one mistake
//! corrected, saves a draft, previews and submits it, staff approve, a worker applies and the
//! enterprise shortlists; a rejection's reason reaches the owner, who edits and resubmits; an
//! edit of a live posting waits for review while the approved version stays; a school posts a
//! course; the candidates page lists a worker who opted in. axe on every page.

use fantoccini::Locator;
use labour_store::accounts::AccountRole;
use labour_tests::{Session, TestApp, TestResult, json, verified_enterprise, verified_school};

use crate::harness::{Browser, DESKTOP, Error, Options};

async fn select(browser: &Browser, css: &str, value: &str) -> TestResult {
    browser
        .client
        .find(Locator::Css(css))
        .await?
        .select_by_value(value)
        .await?;
    Ok(())
}

/// A day `days` from today as the form takes it.
fn day(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%d/%m/%Y")
        .to_string()
}

/// The posting id of an owner's page path (`/account/postings/{id}?...`).
fn posting_of(path: &str) -> Result<String, Error> {
    let rest = path
        .strip_prefix("/account/postings/")
        .ok_or(format!("not an owner's page: {path}"))?;
    Ok(rest
        .split(['?', '/', '#'])
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// A worker with a profile; `discoverable` lets enterprises find them.
async fn worker(
    app: &TestApp,
    email: &str,
    name: &str,
    discoverable: bool,
) -> Result<Session, Error> {
    let worker = app.account(AccountRole::User, email).await?;
    let profile = json!({
        "full_name": name, "commune_code": "06463", "phone": "0987654321",
        "training_level": "so_cap", "skills": ["Hàn MIG"], "desired_occupations": ["7212"],
        "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "consents": { "ethnicity": false, "citizen_id": false, "discoverable": discoverable },
        "share_when_discoverable": ["full_name", "training_level", "skills"]
    });
    let res = app
        .json("PUT", "/api/v1/me/profile", &worker.auth(), &profile)
        .await?;
    if res.status != 200 {
        return Err(format!("profile not saved: {}", res.text()).into());
    }
    Ok(worker)
}

async fn staff_call(
    app: &TestApp,
    staff: &Session,
    path: &str,
    body: serde_json::Value,
) -> TestResult {
    let res = app.json("POST", path, &staff.auth(), &body).await?;
    if res.status != 200 {
        return Err(format!("{path}: {} {}", res.status, res.text()).into());
    }
    Ok(())
}

#[actix_web::test]
async fn an_enterprise_posts_a_job_corrects_a_mistake_and_shortlists_an_applicant() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 41).await?;
    // On a phone, as most people here use the portal.
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&hr.refresh).await?;

    browser
        .open(&format!("/account/organisations/{org}/postings"))
        .await?;
    assert!(browser.text("main").await?.contains("Chưa có tin nào"));
    browser.axe().await?;
    browser.click("#new-postings a[href$='kind=job']").await?;
    assert_eq!(browser.text("h1").await?, "Đăng tin tuyển dụng");
    browser.fill("#title", "Thợ hàn kết cấu thép").await?;
    browser
        .fill(
            "#description",
            "Hàn kết cấu thép cho nhà xưởng trong khu công nghiệp; làm ca ngày, có xe đưa đón.",
        )
        .await?;
    select(&browser, "#occupation_code", "7212").await?;
    browser.fill("#headcount", "5").await?;
    select(&browser, "#required_level", "so_cap").await?;
    // The mistake: the lowest pay above the highest.
    browser.fill("#salary_min", "12.000.000").await?;
    browser.fill("#salary_max", "8.000.000").await?;
    browser.click_in_page("#shifts").await?;
    select(&browser, "#commune_code", "06463").await?;
    browser.fill("#deadline", &day(30)).await?;
    browser.fill("#contact_name", "Phòng nhân sự").await?;
    browser.fill("#contact_phone", "0912345678").await?;
    browser.axe().await?;
    browser.click("#save-draft").await?;

    // Back with the message beside the field, everything typed kept.
    assert!(
        browser.text(".error-summary").await?.contains("Có lỗi")
            || !browser.text(".error-summary").await?.is_empty()
    );
    let message = browser.text("#salary_max-error").await?;
    assert!(!message.is_empty(), "a message beside the highest pay");
    assert_eq!(browser.value("#title").await?, "Thợ hàn kết cấu thép");
    assert_eq!(browser.value("#salary_min").await?, "12.000.000");
    assert_eq!(browser.value("#occupation_code").await?, "7212");
    assert_eq!(browser.value("#contact_phone").await?, "0912345678");
    browser.axe().await?;
    browser.screenshot("posting-form").await?;
    browser.fill("#salary_max", "14.000.000").await?;
    browser.click("#save-draft").await?;

    let path = browser.path().await?;
    assert!(path.ends_with("?saved=draft"), "{path}");
    let id = posting_of(&path)?;
    assert_eq!(browser.text("#state strong").await?, "Bản nháp");
    browser.axe().await?;

    browser.click("#preview").await?;
    assert_eq!(browser.text("#preview h2").await?, "Bản xem trước");
    assert_eq!(browser.text("h1").await?, "Thợ hàn kết cấu thép");
    assert_eq!(
        browser.text("#fact-salary dd").await?,
        "12–14 triệu đồng/tháng"
    );
    browser.axe().await?;
    browser.click("#preview-actions #submit").await?;
    assert!(browser.path().await?.ends_with("?saved=submitted"));
    assert_eq!(browser.text("#state strong").await?, "Chờ duyệt");

    staff_call(
        &app,
        &staff,
        &format!("/api/v1/postings/{id}/approve"),
        json!({}),
    )
    .await?;
    browser.open(&format!("/account/postings/{id}")).await?;
    assert_eq!(browser.text("#state strong").await?, "Đang đăng");
    let history = browser.text("#history + ol").await?;
    assert!(history.contains("Cán bộ duyệt"), "{history}");
    assert!(history.contains("Gửi duyệt"), "{history}");
    browser.axe().await?;
    browser.screenshot("owner-posting").await?;

    let mai = worker(&app, "mai@example.vn", "Lương Thị Mai", false).await?;
    let applied = app
        .json(
            "POST",
            &format!("/api/v1/postings/{id}/applications"),
            &mai.auth(),
            &json!({ "share": ["full_name", "phone", "skills"], "message": "Tôi có 2 năm kinh nghiệm hàn." }),
        )
        .await?;
    assert_eq!(applied.status, 201, "{}", applied.text());

    browser.click("#applicants").await?;
    assert_eq!(browser.text(".applicant h2").await?, "Lương Thị Mai");
    let shared = browser.text(".applicant .summary-list").await?;
    assert!(shared.contains("0987654321"), "{shared}");
    assert!(shared.contains("Hàn MIG"), "{shared}");
    assert_eq!(
        browser.text(".applicant .message").await?,
        "Tôi có 2 năm kinh nghiệm hàn."
    );
    // From "received": shortlist, interview, hire or turn down; never withdraw for the worker.
    let moves = browser.texts(".applicant button[data-move]").await?;
    assert_eq!(moves.len(), 4, "{moves:?}");
    assert!(
        browser
            .texts(".applicant button[data-move=withdrawn]")
            .await?
            .is_empty()
    );
    browser.axe().await?;
    browser.screenshot("applicants").await?;
    browser
        .click(".applicant button[data-move=shortlisted]")
        .await?;
    assert!(browser.path().await?.contains("moved=1"));
    assert_eq!(
        browser.text(".applicant .status").await?,
        "Được chọn vào danh sách ngắn"
    );
    browser.axe().await?;

    // The worker sees the new status on their own page.
    browser.sign_in_with(&mai.refresh).await?;
    browser.open("/account/applications").await?;
    assert_eq!(
        browser.text(".result strong").await?,
        "Được chọn vào danh sách ngắn"
    );
    browser.close().await
}

#[actix_web::test]
async fn the_owner_reads_why_staff_rejected_a_posting_then_edits_and_resubmits() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 42).await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &hr.auth(),
            &{
                let mut job = labour_tests::job("Công nhân hàn");
                job["description"] =
                    json!("Hàn kết cấu thép cho nhà xưởng. Người lao động đặt cọc đồng phục.");
                job
            },
        )
        .await?;
    let id = created.json()["id"].as_str().ok_or("no id")?.to_owned();
    app.call("POST", &format!("/api/v1/postings/{id}/submit"), &hr.auth())
        .await?;
    staff_call(
        &app,
        &staff,
        &format!("/api/v1/postings/{id}/reject"),
        json!({ "reason_code": "wrong_information", "reason": "Hãy ghi rõ địa chỉ nơi làm việc." }),
    )
    .await?;

    let browser = Browser::start(
        &app,
        Options {
            size: DESKTOP,
            ..Options::default()
        },
    )
    .await?;
    browser.sign_in_with(&hr.refresh).await?;
    browser.open(&format!("/account/postings/{id}")).await?;
    assert_eq!(browser.text("#state strong").await?, "Chưa được duyệt");
    assert_eq!(browser.text("#reason h2").await?, "Lý do cán bộ chưa duyệt");
    assert_eq!(
        browser.text("#reason p").await?,
        "Thông tin sai: Hãy ghi rõ địa chỉ nơi làm việc."
    );
    let history = browser.text("#history + ol").await?;
    assert!(history.contains("Cán bộ không duyệt"), "{history}");
    // The flag the text raised, in words, with what to do.
    assert!(
        browser
            .text("#flag-asks_for_money")
            .await?
            .contains("Người lao động không phải trả tiền")
    );
    browser.axe().await?;

    browser.click("#edit").await?;
    assert!(browser.text("#back-to-review").await?.contains("gửi lại"));
    browser
        .fill("#address", "Lô B2, KCN Đồng Bành, Chi Lăng")
        .await?;
    browser.axe().await?;
    browser.click("#send-review").await?;
    assert!(browser.path().await?.ends_with("?saved=submitted"));
    assert_eq!(browser.text("#state strong").await?, "Chờ duyệt");
    // The reason stays in view while it is reviewed again.
    assert_eq!(
        browser.text("#reason h2").await?,
        "Lý do lần trước cán bộ chưa duyệt"
    );

    // The organisation's list shows it, filtered by state.
    browser
        .open(&format!(
            "/account/organisations/{org}/postings?state=pending"
        ))
        .await?;
    assert_eq!(browser.texts("#postings .result").await?.len(), 1);
    browser
        .open(&format!(
            "/account/organisations/{org}/postings?state=published"
        ))
        .await?;
    assert!(browser.texts("#postings .result").await?.is_empty());
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn an_edit_of_a_live_posting_waits_for_review_while_the_approved_version_stays() -> TestResult
{
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 43).await?;
    let id = app
        .publish(org, &hr, &staff, &labour_tests::job("Thợ hàn ca ngày"))
        .await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&hr.refresh).await?;
    browser.open(&format!("/account/postings/{id}")).await?;
    browser.click("#edit").await?;
    assert_eq!(
        browser.text("#stays-live").await?,
        "Tin đang đăng. Bản đã duyệt vẫn hiển thị cho đến khi cán bộ duyệt bản sửa này."
    );
    browser.fill("#title", "Thợ hàn ca ngày và ca đêm").await?;
    browser.click_in_page("#shifts-night").await?;
    browser.axe().await?;
    browser.click("#send-revision").await?;
    assert!(browser.path().await?.ends_with("?saved=revision"));
    assert_eq!(
        browser.text("#state strong").await?,
        "Đang đăng, có bản sửa chờ duyệt"
    );
    browser.axe().await?;

    // The public page still shows the approved version; the preview shows the change.
    browser.open(&format!("/postings/{id}")).await?;
    assert_eq!(browser.text("h1").await?, "Thợ hàn ca ngày");
    browser
        .open(&format!("/account/postings/{id}/preview"))
        .await?;
    assert_eq!(browser.text("h1").await?, "Thợ hàn ca ngày và ca đêm");
    browser.axe().await?;

    staff_call(
        &app,
        &staff,
        &format!("/api/v1/postings/{id}/approve"),
        json!({}),
    )
    .await?;
    browser.open(&format!("/postings/{id}")).await?;
    assert_eq!(browser.text("h1").await?, "Thợ hàn ca ngày và ca đêm");

    // Closing, after a confirmation.
    browser.open(&format!("/account/postings/{id}")).await?;
    browser.click("#close").await?;
    assert_eq!(browser.text("h1").await?, "Đóng tin này?");
    browser.axe().await?;
    browser.click("#close-confirm").await?;
    assert_eq!(browser.text("#state strong").await?, "Đã đóng");
    assert!(browser.texts("#edit").await?.is_empty());
    browser.close().await
}

#[actix_web::test]
async fn a_school_posts_a_course_with_its_dates_seats_tuition_and_support() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&teacher.refresh).await?;
    browser
        .open(&format!("/account/organisations/{school}/postings"))
        .await?;
    assert_eq!(browser.text("h1").await?, "Khóa học");
    browser
        .click("#new-postings a[href$='kind=course']")
        .await?;
    assert_eq!(browser.text("h1").await?, "Đăng khóa học");
    browser.fill("#title", "Hàn điện cơ bản").await?;
    browser
        .fill(
            "#description",
            "Học lý thuyết và thực hành hàn điện tại xưởng của trường.",
        )
        .await?;
    select(&browser, "#occupation_code", "7212").await?;
    select(&browser, "#level", "so_cap").await?;
    browser.fill("#duration_weeks", "12").await?;
    browser.fill("#certificate", "Chứng chỉ sơ cấp").await?;
    browser.fill("#seats", "30").await?;
    browser.fill("#tuition_vnd", "0").await?;
    browser
        .click_in_page("#learner_support-free_for_rural")
        .await?;
    browser.fill("#start_dates-0", &day(20)).await?;
    browser.fill("#start_dates-1", &day(80)).await?;
    select(&browser, "#commune_code", "06463").await?;
    browser.axe().await?;
    browser.click("#send-review").await?;
    let path = browser.path().await?;
    assert!(path.ends_with("?saved=submitted"), "{path}");
    assert_eq!(browser.text("#state strong").await?, "Chờ duyệt");
    browser.click("#preview").await?;
    assert_eq!(browser.text("#fact-tuition dd").await?, "Miễn phí");
    assert_eq!(browser.text("#fact-seats dd").await?, "30");
    assert_eq!(browser.text("#fact-duration dd").await?, "12 tuần");
    assert_eq!(
        browser.text("#fact-starts dd").await?,
        format!("{}, {}", day(20), day(80))
    );
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn the_candidates_page_lists_a_worker_who_opted_in() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 44).await?;
    let id = app
        .publish(org, &hr, &staff, &labour_tests::job("Thợ hàn MIG"))
        .await?;
    worker(&app, "an@example.vn", "Hoàng Văn An", true).await?;
    worker(
        &app,
        "hidden@example.vn",
        "Người không muốn được tìm",
        false,
    )
    .await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.sign_in_with(&hr.refresh).await?;
    browser.open(&format!("/account/postings/{id}")).await?;
    browser.click("#candidates").await?;
    let names = browser.texts(".candidate h2").await?;
    assert_eq!(names, vec!["Hoàng Văn An"]);
    let reasons = browser.text(".candidate .reasons").await?;
    assert!(reasons.contains("Muốn làm đúng nghề này"), "{reasons}");
    browser.axe().await?;

    // Another organisation's member gets the not-found page.
    let (_, other) = verified_enterprise(&app, "other@example.vn", 45).await?;
    browser.sign_in_with(&other.refresh).await?;
    browser
        .open(&format!("/account/postings/{id}/candidates"))
        .await?;
    assert_eq!(browser.text("h1").await?, "Không tìm thấy trang");
    browser.open(&format!("/account/postings/{id}")).await?;
    assert_eq!(browser.text("h1").await?, "Không tìm thấy trang");
    browser.close().await
}

#[actix_web::test]
async fn a_training_need_is_posted_in_english_without_javascript() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 46).await?;
    let browser = Browser::start(
        &app,
        Options {
            javascript: false,
            size: DESKTOP,
        },
    )
    .await?;
    // axe needs JavaScript: the form's other journeys check it; here the page works without.
    browser.sign_in_with(&hr.refresh).await?;
    browser
        .open(&format!("/account/organisations/{org}/postings"))
        .await?;
    browser.click_text("English").await?;
    browser
        .click("#new-postings a[href$='kind=training_need']")
        .await?;
    assert_eq!(browser.text("h1").await?, "Post a training need");
    browser
        .fill("#title", "Retraining electricians on PLC panels")
        .await?;
    browser
        .fill(
            "#description",
            "Twenty electricians learn to wire and fault-find PLC control panels.",
        )
        .await?;
    select(&browser, "#occupation_code", "7412").await?;
    select(&browser, "#level", "so_cap").await?;
    browser.fill("#trainees", "20").await?;
    browser.click_in_page("#purpose-retraining").await?;
    browser.click_in_page("#place-at_enterprise").await?;
    browser.click_in_page("#paid_by").await?;
    browser.click_in_page("#commits_to_hire").await?;
    browser.fill("#period_start", &day(60)).await?;
    // The end before the start: the rule's message beside the end.
    browser.fill("#period_end", &day(30)).await?;
    browser.click("#send-review").await?;
    assert!(!browser.text("#period_end-error").await?.is_empty());
    assert_eq!(browser.value("#trainees").await?, "20");
    browser.fill("#period_end", &day(120)).await?;
    browser.click("#send-review").await?;
    assert!(browser.path().await?.ends_with("?saved=submitted"));
    assert_eq!(browser.text("#state strong").await?, "Waiting for review");
    browser.click("#preview").await?;
    assert_eq!(browser.text("#fact-trainees dd").await?, "20");
    assert_eq!(browser.text("#fact-commits_to_hire dd").await?, "Yes");
    browser.close().await
}

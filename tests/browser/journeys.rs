//! Journeys that cross workspaces, each person in their own browser: an enterprise registers,
//! staff verify it, it posts a job (one mistake corrected), staff approve it from the queue, a
//! worker finds it and applies, the enterprise shortlists them and the worker sees it; a worker
//! registers for a course and the school answers; staff reject a posting and its owner reads why.

use fantoccini::Locator;
use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, json};

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

/// The id after `prefix` in a path (`/account/organisations/{id}?...`).
fn id_after(path: &str, prefix: &str) -> Result<String, Error> {
    Ok(path
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .ok_or_else(|| format!("{path} does not start with {prefix}"))?
        .to_owned())
}

fn day(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%d/%m/%Y")
        .to_string()
}

#[actix_web::test]
async fn an_enterprise_is_verified_posts_a_job_staff_approve_a_worker_applies_and_is_shortlisted()
-> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let worker = app.account(AccountRole::User, "hoa@example.vn").await?;
    let profile = json!({
        "full_name": "Hoàng Thị Hoa", "commune_code": "06463", "phone": "0987654321",
        "training_level": "so_cap", "skills": ["Hàn MIG"], "desired_occupations": ["7212"],
        "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    });
    let saved = app
        .json("PUT", "/api/v1/me/profile", &worker.auth(), &profile)
        .await?;
    assert_eq!(saved.status, 200, "{}", saved.text());

    // The enterprise, on a phone: sign up, register the organisation, wait.
    let hr = Browser::start(&app, Options::default()).await?;
    crate::accounts::sign_up_and_in(&hr, "Nông Văn Bình", "binh@example.vn", "mật khẩu dài lắm")
        .await?;
    hr.open("/account/organisations/new").await?;
    hr.fill("#name", "Công ty TNHH Kết cấu thép Hữu Lũng")
        .await?;
    let tax_code = labour_tests::enterprise("x", 17)["tax_code"]
        .as_str()
        .ok_or("no tax code")?
        .to_owned();
    hr.fill("#tax_code", &tax_code).await?;
    select(&hr, "#commune_code", "06463").await?;
    hr.fill("#address", "Thôn Đồng Tâm").await?;
    hr.click("#register").await?;
    let org = id_after(&hr.path().await?, "/account/organisations/")?;
    assert_eq!(hr.text("#verification-state").await?, "Chưa xác minh");

    // Staff, at a desk: the verification queue, then verify.
    let desk = Browser::start(
        &app,
        Options {
            javascript: true,
            size: DESKTOP,
        },
    )
    .await?;
    desk.sign_in_with(&staff.refresh).await?;
    desk.open("/staff").await?;
    desk.click("a[href='/staff/organisations']").await?;
    desk.click(&format!("a[href='/staff/organisations/{org}']"))
        .await?;
    assert!(desk.text("main").await?.contains(&tax_code));
    desk.click_in_page("#decision-verified").await?;
    desk.click("#save-decision").await?;
    assert!(desk.text("#decided").await?.contains("Đã xác minh"));

    // The enterprise sees it and posts a job; the first try has the pay the wrong way round.
    hr.open(&format!("/account/organisations/{org}")).await?;
    assert_eq!(hr.text("#verification-state").await?, "Đã xác minh");
    hr.click("#new-job").await?;
    hr.fill("#title", "Thợ hàn kết cấu thép ca ngày").await?;
    hr.fill(
        "#description",
        "Hàn kết cấu thép cho nhà xưởng ở Hữu Lũng; làm ca ngày, có bữa trưa.",
    )
    .await?;
    select(&hr, "#occupation_code", "7212").await?;
    hr.fill("#headcount", "3").await?;
    select(&hr, "#required_level", "so_cap").await?;
    hr.fill("#salary_min", "11.000.000").await?;
    hr.fill("#salary_max", "9.000.000").await?;
    select(&hr, "#commune_code", "06463").await?;
    hr.fill("#deadline", &day(30)).await?;
    hr.fill("#contact_name", "Anh Bình").await?;
    hr.fill("#contact_phone", "0912345678").await?;
    hr.click("#send-review").await?;
    assert!(!hr.text("#salary_max-error").await?.is_empty());
    assert_eq!(hr.value("#title").await?, "Thợ hàn kết cấu thép ca ngày");
    hr.fill("#salary_max", "13.000.000").await?;
    hr.click("#send-review").await?;
    let job = id_after(&hr.path().await?, "/account/postings/")?;
    assert_eq!(hr.text("#state strong").await?, "Chờ duyệt");

    // Staff approve it from the queue.
    desk.open("/staff/queue").await?;
    desk.click("#start").await?;
    assert_eq!(desk.path().await?, format!("/staff/queue/{job}"));
    assert_eq!(desk.text("h1").await?, "Thợ hàn kết cấu thép ca ngày");
    desk.click("#approve").await?;
    assert!(desk.path().await?.starts_with("/staff/queue"));
    app.index_now().await?;

    // The worker finds it without diacritics and applies.
    let hoa = Browser::start(&app, Options::default()).await?;
    hoa.sign_in_with(&worker.refresh).await?;
    hoa.open("/search/jobs?q=tho%20han%20ket%20cau").await?;
    assert_eq!(
        hoa.texts(".result h2").await?.first().map(String::as_str),
        Some("Thợ hàn kết cấu thép ca ngày")
    );
    hoa.click(".result h2 a").await?;
    assert_eq!(hoa.path().await?, format!("/postings/{job}"));
    hoa.open(&format!("/postings/{job}/apply")).await?;
    hoa.click_text("Gửi đơn ứng tuyển").await?;
    assert!(hoa.path().await?.starts_with("/account/applications"));

    // The enterprise shortlists her; she reads the new status.
    hr.open(&format!("/account/postings/{job}/applicants"))
        .await?;
    assert_eq!(hr.text(".applicant h2").await?, "Hoàng Thị Hoa");
    hr.click(".applicant button[data-move=shortlisted]").await?;
    hoa.open("/account/applications").await?;
    let line = hoa.text(".result").await?;
    assert!(line.contains("Thợ hàn kết cấu thép ca ngày"), "{line}");
    assert!(line.contains("Được chọn vào danh sách ngắn"), "{line}");
    hoa.close().await?;
    desk.close().await?;
    hr.close().await
}

/// A worker registers interest in a school's course from its page; the school sees the
/// registration with what she shared and moves it on; she reads the new status.
#[actix_web::test]
async fn a_worker_registers_for_a_course_and_the_school_answers() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (school, teacher) =
        labour_tests::verified_school(&app, "truong@example.vn", &staff).await?;
    let course = labour_tests::course("Hàn điện cơ bản", "7212", "so_cap", 20);
    let id = app.publish(school, &teacher, &staff, &course).await?;
    let worker = app.account(AccountRole::User, "lan@example.vn").await?;
    let profile = json!({
        "full_name": "Vi Thị Lan", "commune_code": "06463", "phone": "0987654321",
        "desired_occupations": ["7212"],
        "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    });
    let saved = app
        .json("PUT", "/api/v1/me/profile", &worker.auth(), &profile)
        .await?;
    assert_eq!(saved.status, 200, "{}", saved.text());

    let lan = Browser::start(&app, Options::default()).await?;
    lan.sign_in_with(&worker.refresh).await?;
    lan.open(&format!("/postings/{id}")).await?;
    lan.click("#enrol").await?;
    assert_eq!(lan.text("h1").await?, "Đăng ký học");
    lan.axe().await?;
    lan.click_text("Gửi đăng ký học").await?;
    assert!(lan.path().await?.starts_with("/account/applications"));
    lan.open(&format!("/postings/{id}")).await?;
    assert!(lan.text("#applied").await?.contains("Bạn đã đăng ký học"));

    let office = Browser::start(&app, Options::default()).await?;
    office.sign_in_with(&teacher.refresh).await?;
    office
        .open(&format!("/account/postings/{id}/applicants"))
        .await?;
    assert_eq!(office.text(".applicant h2").await?, "Vi Thị Lan");
    office.axe().await?;
    office
        .click(".applicant button[data-move=shortlisted]")
        .await?;
    lan.open("/account/applications").await?;
    let line = lan.text(".result").await?;
    assert!(line.contains("Hàn điện cơ bản"), "{line}");
    assert!(line.contains("Được chọn vào danh sách ngắn"), "{line}");
    office.close().await?;
    lan.close().await
}

/// Staff reject a posting from its queue page with a reason and a note; its owner reads both
/// on their own page, in their language, and sends it back after an edit.
#[actix_web::test]
async fn staff_reject_from_the_queue_and_the_owner_reads_why() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = labour_tests::verified_enterprise(&app, "hr@example.vn", 23).await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &hr.auth(),
            &labour_tests::job("Công nhân đóng gói"),
        )
        .await?;
    assert_eq!(created.status, 201, "{}", created.text());
    let id = created.json()["id"].as_str().ok_or("no id")?.to_owned();
    let submitted = app
        .call("POST", &format!("/api/v1/postings/{id}/submit"), &hr.auth())
        .await?;
    assert_eq!(submitted.status, 200, "{}", submitted.text());

    let desk = Browser::start(
        &app,
        Options {
            javascript: true,
            size: DESKTOP,
        },
    )
    .await?;
    desk.sign_in_with(&staff.refresh).await?;
    desk.open("/staff/queue").await?;
    desk.click("#start").await?;
    assert_eq!(desk.path().await?, format!("/staff/queue/{id}"));
    select(&desk, "#reject-code", "incomplete").await?;
    desk.fill("#reject-note", "Hãy ghi giờ làm việc của từng ca.")
        .await?;
    desk.click("#reject").await?;
    assert!(desk.path().await?.starts_with("/staff/queue"));

    // The owner, on a phone, in English.
    let owner = Browser::start(&app, Options::default()).await?;
    owner.sign_in_with(&hr.refresh).await?;
    owner.open(&format!("/account/postings/{id}")).await?;
    assert_eq!(owner.text("#state strong").await?, "Chưa được duyệt");
    assert_eq!(
        owner.text("#reason p").await?,
        "Thiếu thông tin cần thiết: Hãy ghi giờ làm việc của từng ca."
    );
    owner.click_text("English").await?;
    assert_eq!(
        owner.text("#reason p").await?,
        "Information missing: Hãy ghi giờ làm việc của từng ca."
    );
    owner.axe().await?;
    desk.close().await?;
    owner.close().await
}

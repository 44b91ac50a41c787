//! The signed-in worker's journey in the browser: profile, apply, my applications,
//! recommendations, saved searches, notifications, my data and deleting the account; with
//! and without JavaScript, in both languages, with axe on every page.

use fantoccini::Locator;
use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, job, verified_enterprise};

use crate::accounts::sign_up_and_in;
use crate::harness::{Browser, DESKTOP, Options};

const PASSWORD: &str = "mật khẩu dài lắm";

/// A job published the way enterprises and staff publish one, and indexed; returns its id.
async fn published_job(app: &TestApp, title: &str) -> Result<String, Box<dyn std::error::Error>> {
    let (org, hr) = verified_enterprise(app, "hr@example.vn", 31).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let id = app.publish(org, &hr, &staff, &job(title)).await?;
    app.index_now().await?;
    Ok(id)
}

async fn select(browser: &Browser, css: &str, value: &str) -> TestResult {
    browser
        .client
        .find(Locator::Css(css))
        .await?
        .select_by_value(value)
        .await?;
    Ok(())
}

/// Fills the profile's main fields and saves it; ends on the profile with its notice.
async fn fill_profile(browser: &Browser, saved_text: &str) -> TestResult {
    browser.open("/account/profile").await?;
    browser.fill("#birth_year", "1998").await?;
    select(browser, "#commune_code", "06463").await?;
    browser.fill("#phone", "0912345678").await?;
    select(browser, "#training_level", "so_cap").await?;
    browser.fill("#skills", "hàn hồ quang\nđọc bản vẽ").await?;
    select(browser, "#desired_occupations-0", "7212").await?;
    browser.click_in_page("#shift_preferences").await?;
    browser
        .click("form[action='/account/profile'] button[type=submit]")
        .await?;
    assert_eq!(browser.path().await?, "/account/profile?saved=1");
    assert_eq!(browser.text(".success h2").await?, saved_text);
    Ok(())
}

#[actix_web::test]
async fn a_worker_fills_the_profile_applies_and_sees_the_application() -> TestResult {
    let app = TestApp::spawn().await?;
    let id = published_job(&app, "Thợ hàn kết cấu thép").await?;
    let browser = Browser::start(&app, Options::default()).await?;
    // Signed out, every page of the account asks to sign in first and comes back.
    browser.open(&format!("/postings/{id}/apply")).await?;
    assert!(
        browser
            .path()
            .await?
            .starts_with("/sign-in?back=%2Fpostings%2F"),
        "sent to sign in"
    );
    sign_up_and_in(&browser, "Lương Thị Mai", "mai@example.vn", PASSWORD).await?;
    browser.open(&format!("/postings/{id}/apply")).await?;
    // No profile yet: the apply page sends the worker to make one.
    assert!(browser.text("main").await?.contains("Bạn cần có hồ sơ"));
    browser.axe().await?;

    browser.open("/account/profile").await?;
    assert_eq!(browser.value("#full_name").await?, "Lương Thị Mai");
    // The consent texts stand beside their checkboxes in both languages.
    let consent = browser.text("label[for=consent_ethnicity]").await?;
    assert!(consent.contains("số liệu tổng hợp"), "{consent}");
    assert!(
        browser
            .text("#consent_ethnicity-other")
            .await?
            .contains("aggregate")
    );
    browser.axe().await?;
    browser.screenshot("worker-profile-360").await?;
    fill_profile(&browser, "Đã lưu hồ sơ").await?;
    assert_eq!(browser.value("#phone").await?, "0912345678");
    assert_eq!(browser.value("#commune_code").await?, "06463");
    browser.axe().await?;

    browser.open(&format!("/postings/{id}/apply")).await?;
    assert_eq!(browser.text(".caption").await?, "Thợ hàn kết cấu thép");
    let shared = browser.texts(".checkbox label").await?;
    assert!(
        shared.iter().any(|l| l.contains("0912345678")),
        "{shared:?}"
    );
    assert_eq!(
        browser
            .client
            .find(Locator::Css(&format!("a[href='/postings/{id}']")))
            .await?
            .text()
            .await?,
        "Quay lại tin tuyển dụng"
    );
    browser.axe().await?;
    browser.screenshot("worker-apply-360").await?;
    browser
        .fill("#message", "Tôi có thể bắt đầu từ tuần sau.")
        .await?;
    browser.click_text("Gửi đơn ứng tuyển").await?;
    assert_eq!(browser.path().await?, "/account/applications?applied=1");
    assert_eq!(browser.text(".success h2").await?, "Đã gửi đơn ứng tuyển");
    assert_eq!(browser.text(".result h2 a").await?, "Thợ hàn kết cấu thép");
    assert_eq!(
        browser.text(".result strong").await?,
        "Đã gửi, chờ nhà tuyển dụng xem"
    );
    browser.axe().await?;
    browser.screenshot("worker-applications-360").await?;

    // The posting's page now says so, instead of offering the form again.
    browser.open(&format!("/postings/{id}")).await?;
    assert!(
        browser
            .text("#applied")
            .await?
            .starts_with("Bạn đã ứng tuyển vào việc này ngày")
    );
    browser.click_text("Xem đơn của bạn").await?;
    assert_eq!(browser.path().await?, "/account/applications");

    // Applying twice: the use case's refusal, at the top of the form.
    browser.open(&format!("/postings/{id}/apply")).await?;
    browser.click_text("Gửi đơn ứng tuyển").await?;
    assert!(
        browser
            .text(".error-summary")
            .await?
            .contains("Bạn đã ứng tuyển vào tin này")
    );

    // A posting that is not a published job is the not-found page.
    browser
        .open("/postings/0190a0a0-0000-7000-8000-000000000000/apply")
        .await?;
    assert_eq!(browser.text("h1").await?, "Không tìm thấy trang");

    browser.open("/account/recommendations").await?;
    assert_eq!(
        browser.text("h1").await?,
        "Việc làm và khóa học gợi ý cho tôi"
    );
    browser.axe().await?;

    // Withdrawing, after a confirmation.
    browser.open("/account/applications").await?;
    browser.click(".result a[href$='/withdraw']").await?;
    assert_eq!(browser.text("h1").await?, "Rút đơn ứng tuyển?");
    assert_eq!(browser.text("main strong").await?, "Thợ hàn kết cấu thép");
    browser.axe().await?;
    browser.click("form button.warning").await?;
    assert_eq!(browser.path().await?, "/account/applications?withdrawn=1");
    assert_eq!(browser.text(".success").await?, "Đã rút đơn ứng tuyển.");
    assert_eq!(browser.text(".result strong").await?, "Bạn đã rút đơn");
    assert!(
        browser
            .texts(".result a[href$='/withdraw']")
            .await?
            .is_empty(),
        "a withdrawn application cannot be withdrawn again"
    );
    browser.close().await
}

#[actix_web::test]
async fn the_profile_form_with_errors_keeps_what_was_typed() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    sign_up_and_in(&browser, "Nông Văn Bình", "binh@example.vn", PASSWORD).await?;
    browser.open("/account/profile").await?;
    browser.fill("#birth_year", "199x").await?;
    browser.fill("#phone", "12345").await?;
    browser
        .fill("#certificates-0-name", "Chứng chỉ hàn")
        .await?;
    browser.fill("#certificates-0-year", "năm ngoái").await?;
    browser.fill("#expected_salary_vnd", "8.000.000").await?;
    // An ethnic group without the agreement to keep it.
    select(&browser, "#ethnic_group", "nung").await?;
    browser
        .click("form[action='/account/profile'] button[type=submit]")
        .await?;
    assert_eq!(browser.text(".error-summary h2").await?, "Có lỗi cần sửa");
    let summary = browser.texts(".error-summary li a").await?;
    assert_eq!(summary.len(), 4, "{summary:?}");
    assert!(
        browser
            .text("#birth_year-error")
            .await?
            .contains("4 chữ số")
    );
    assert!(browser.text("#phone-error").await?.contains("10 chữ số"));
    assert!(
        browser
            .text("#certificates-0-year-error")
            .await?
            .contains("4 chữ số")
    );
    assert!(
        browser
            .text("#ethnic_group-error")
            .await?
            .contains("đồng ý")
    );
    assert_eq!(browser.value("#birth_year").await?, "199x");
    assert_eq!(browser.value("#phone").await?, "12345");
    assert_eq!(
        browser.value("#certificates-0-name").await?,
        "Chứng chỉ hàn"
    );
    assert_eq!(browser.value("#expected_salary_vnd").await?, "8.000.000");
    assert_eq!(browser.value("#ethnic_group").await?, "nung");
    assert_eq!(browser.value("#full_name").await?, "Nông Văn Bình");
    browser.axe().await?;
    browser
        .click_in_page(".error-summary li a[href='#phone']")
        .await?;
    // Ticking the agreement and fixing the rest saves it.
    browser.click_in_page("#consent_ethnicity").await?;
    browser.fill("#birth_year", "1995").await?;
    browser.fill("#phone", "0987654321").await?;
    browser.fill("#certificates-0-year", "2020").await?;
    browser
        .click("form[action='/account/profile'] button[type=submit]")
        .await?;
    assert_eq!(browser.path().await?, "/account/profile?saved=1");
    assert_eq!(browser.value("#ethnic_group").await?, "nung");
    assert_eq!(browser.value("#expected_salary_vnd").await?, "8000000");
    browser.close().await
}

#[actix_web::test]
async fn applying_without_javascript_in_english() -> TestResult {
    let app = TestApp::spawn().await?;
    let id = published_job(&app, "Thợ hàn ca ngày").await?;
    let browser = Browser::start(
        &app,
        Options {
            javascript: false,
            size: DESKTOP,
        },
    )
    .await?;
    sign_up_and_in(&browser, "Hoàng Văn Nam", "0912345678", PASSWORD).await?;
    browser.open("/account/profile").await?;
    browser.click_text("English").await?;
    assert_eq!(browser.text("h1").await?, "My profile");
    // axe needs JavaScript: the JavaScript journey checks these pages.
    browser.screenshot("worker-profile-1280").await?;
    fill_profile(&browser, "Your profile is saved").await?;
    browser.open(&format!("/postings/{id}/apply")).await?;
    assert_eq!(browser.text("h1").await?, "Apply for this job");
    browser.screenshot("worker-apply-1280").await?;
    browser.click_text("Send my application").await?;
    assert_eq!(browser.path().await?, "/account/applications?applied=1");
    assert_eq!(browser.text(".result h2 a").await?, "Thợ hàn ca ngày");
    assert_eq!(
        browser.text(".result strong").await?,
        "Sent, waiting for the employer"
    );
    assert!(
        browser
            .text(".result .meta")
            .await?
            .starts_with("Applied on")
    );
    browser.screenshot("worker-applications-1280").await?;
    browser.close().await
}

#[actix_web::test]
async fn a_search_is_saved_and_deleted_and_notifications_show() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    sign_up_and_in(&browser, "Vi Thị Hoa", "hoa@example.vn", PASSWORD).await?;
    browser.open("/account/saved-searches").await?;
    browser.axe().await?;
    // The link a results page gives, with its query.
    browser
        .open("/account/saved-searches/new?kind=job&q=th%E1%BB%A3+h%C3%A0n&shift=night&page=2")
        .await?;
    assert_eq!(browser.value("#name").await?, "thợ hàn");
    let criteria = browser.text("#criteria").await?;
    assert!(
        criteria.contains("thợ hàn") && criteria.contains("Ca đêm"),
        "{criteria}"
    );
    browser.axe().await?;
    // A name left empty comes back with the message, the search still there.
    browser.fill("#name", "").await?;
    browser.click_text("Lưu tìm kiếm").await?;
    assert!(browser.text("#name-error").await?.contains("1 đến 100"));
    assert!(browser.text("#criteria").await?.contains("Ca đêm"));
    browser.axe().await?;
    browser.fill("#name", "Thợ hàn ca đêm").await?;
    browser.click_text("Lưu tìm kiếm").await?;
    assert_eq!(browser.path().await?, "/account/saved-searches?created=1");
    assert_eq!(browser.text(".result h2").await?, "Thợ hàn ca đêm");
    assert!(browser.text(".result").await?.contains("Ca đêm"));
    browser.axe().await?;
    browser.click_text("Xóa: Thợ hàn ca đêm").await?;
    assert_eq!(
        browser.text("h1").await?,
        "Bạn có chắc muốn xóa tìm kiếm này?"
    );
    browser.axe().await?;
    browser.click_text("Xóa tìm kiếm").await?;
    assert_eq!(browser.path().await?, "/account/saved-searches?deleted=1");
    assert!(browser.texts(".result").await?.is_empty());

    browser.open("/account/notifications").await?;
    assert_eq!(browser.text("h1").await?, "Thông báo");
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn a_worker_downloads_their_data_then_deletes_the_account() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    sign_up_and_in(&browser, "Lý Thị Lan", "lan@example.vn", PASSWORD).await?;
    browser.open("/account/data").await?;
    browser.axe().await?;
    let link = browser
        .client
        .find(Locator::Css("a[href='/account/data/download']"))
        .await?;
    assert_eq!(link.text().await?, "Tải về dữ liệu (JSON)");
    // The download, fetched as this browser (its session cookie).
    let cookie = browser.client.get_named_cookie("lm_session").await?;
    let header = format!("lm_session={}", cookie.value());
    let res = app
        .send(
            "GET",
            "/account/data/download",
            &[("cookie", &header)],
            None,
        )
        .await?;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-disposition")
            .is_some_and(|h| h.contains("attachment"))
    );
    assert_eq!(res.json()["account"]["email"], "lan@example.vn");
    assert!(!res.text().contains("argon2"), "no password hash");
    // Without the cookie, nobody's data.
    let anonymous = app.get("/account/data/download").await?;
    assert_eq!(anonymous.status, 303);

    browser.open("/account/delete").await?;
    assert_eq!(browser.text("h1").await?, "Bạn có chắc muốn xóa tài khoản?");
    browser.axe().await?;
    browser.click_text("Xóa tài khoản của tôi").await?;
    assert_eq!(browser.path().await?, "/account/deleted");
    assert_eq!(browser.text("h1").await?, "Tài khoản đã được xóa");
    assert!(browser.client.get_named_cookie("lm_session").await.is_err());
    browser.axe().await?;
    // The account is gone: signing in with it is refused.
    browser.open("/sign-in").await?;
    browser.fill("#identifier", "lan@example.vn").await?;
    browser.fill("#password", PASSWORD).await?;
    browser
        .click("form[action='/sign-in'] button[type=submit]")
        .await?;
    assert!(browser.path().await?.starts_with("/sign-in"));
    assert_eq!(browser.text(".error-summary h2").await?, "Có lỗi cần sửa");
    browser.close().await
}

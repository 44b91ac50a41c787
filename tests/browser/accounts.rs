//! Signing up, in and out in the browser, in both languages, with and without JavaScript.

use labour_tests::{TestApp, TestResult};

use crate::harness::{Browser, Options};

/// Signs up through the page and signs in with the same details; returns on the account page.
pub async fn sign_up_and_in(
    browser: &Browser,
    name: &str,
    identifier: &str,
    password: &str,
) -> TestResult {
    browser.open("/sign-up").await?;
    browser.fill("#display_name", name).await?;
    browser.fill("#identifier", identifier).await?;
    browser.fill("#password", password).await?;
    browser
        .click("form[action='/sign-up'] button[type=submit]")
        .await?;
    assert!(browser.path().await?.starts_with("/sign-in?created=1"));
    assert_eq!(
        browser.value("#identifier").await?,
        identifier,
        "the identifier is kept"
    );
    browser.fill("#password", password).await?;
    browser
        .click("form[action='/sign-in'] button[type=submit]")
        .await?;
    if browser.path().await?.starts_with("/sign-in") {
        return Err(format!("sign-in refused: {}", browser.text("main").await?).into());
    }
    Ok(())
}

#[actix_web::test]
async fn a_worker_signs_up_signs_in_and_out() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/sign-up").await?;
    browser.axe().await?;
    browser.screenshot("sign-up-360").await?;
    sign_up_and_in(
        &browser,
        "Hoàng Thị Mai",
        "mai.hoang@example.vn",
        "mật khẩu dài lắm",
    )
    .await?;
    assert_eq!(browser.path().await?, "/account");
    assert_eq!(browser.text("h1").await?, "Tài khoản của tôi");
    assert!(browser.text("main").await?.contains("Hoàng Thị Mai"));
    browser.axe().await?;
    browser.click_text("Đăng xuất").await?;
    assert_eq!(browser.path().await?, "/");
    // Signed out: the account page asks to sign in, and comes back after.
    browser.open("/account").await?;
    assert_eq!(browser.path().await?, "/sign-in?back=%2Faccount");
    browser.axe().await?;
    browser.fill("#identifier", "mai.hoang@example.vn").await?;
    browser.fill("#password", "mật khẩu dài lắm").await?;
    browser
        .click("form[action='/sign-in'] button[type=submit]")
        .await?;
    assert_eq!(browser.path().await?, "/account");
    browser.close().await
}

#[actix_web::test]
async fn a_sign_up_with_errors_comes_back_with_what_was_typed() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/sign-up").await?;
    browser.fill("#display_name", "Lý Văn Hùng").await?;
    browser.fill("#identifier", "091234").await?;
    browser.fill("#password", "ngắn").await?;
    browser
        .click("form[action='/sign-up'] button[type=submit]")
        .await?;
    assert_eq!(browser.text(".error-summary h2").await?, "Có lỗi cần sửa");
    let summary = browser.texts(".error-summary li a").await?;
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert!(
        browser
            .text("#identifier-error")
            .await?
            .contains("10 chữ số")
    );
    assert!(browser.text("#password-error").await?.contains("8 ký tự"));
    assert_eq!(browser.value("#display_name").await?, "Lý Văn Hùng");
    assert_eq!(browser.value("#identifier").await?, "091234");
    assert_eq!(
        browser.value("#password").await?,
        "",
        "a password is never sent back"
    );
    browser.axe().await?;
    // The summary's links lead to the fields.
    browser
        .click_in_page(".error-summary li a[href='#identifier']")
        .await?;
    browser.close().await
}

#[actix_web::test]
async fn a_wrong_password_is_refused_in_english_without_javascript() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(
        &app,
        Options {
            javascript: false,
            ..Options::default()
        },
    )
    .await?;
    browser.open("/sign-in").await?;
    browser.click_text("English").await?;
    assert_eq!(browser.text("h1").await?, "Sign in");
    browser.fill("#identifier", "0912345678").await?;
    browser.fill("#password", "not the password").await?;
    browser
        .click("form[action='/sign-in'] button[type=submit]")
        .await?;
    assert_eq!(
        browser.text(".error-summary h2").await?,
        "There is a problem"
    );
    assert!(
        browser
            .text(".error-summary")
            .await?
            .contains("Wrong email/phone or password")
    );
    assert_eq!(browser.value("#identifier").await?, "0912345678");
    browser.close().await
}

//! Passwords in a real browser: a reset link from the email, a staff code for a phone-only
//! account, changing one's own password, and forms that come back with the input kept (never
//! the passwords).

use std::time::Duration;

use labour_store::accounts::AccountRole;
use labour_store::test_db::TestDb;
use labour_tests::{Auth, PASSWORD, SmtpServer, TestApp, TestResult, json};

use crate::harness::{Browser, Options};

type Error = Box<dyn std::error::Error>;

const NEW: &str = "mật khẩu mới hoàn toàn";

async fn sign_in_status(app: &TestApp, identifier: &str, password: &str) -> Result<u16, Error> {
    let body = json!({ "identifier": identifier, "password": password });
    Ok(app
        .json("POST", "/api/v1/sessions", &Auth::None, &body)
        .await?
        .status)
}

/// The path and query of the reset link in the first email, once it has arrived.
async fn link_in_email(smtp: &SmtpServer) -> Result<String, Error> {
    for _ in 0..100 {
        if let Some(raw) = smtp.messages()?.first() {
            let body = mailparse::parse_mail(raw.as_bytes())?.get_body()?;
            let start = body.find("/reset-password?token=").ok_or("no link")?;
            return Ok(body[start..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("no email within 10 s".into())
}

#[actix_web::test]
async fn a_forgotten_password_is_reset_with_the_link_in_the_email() -> TestResult {
    let smtp = SmtpServer::start().await?;
    let port = smtp.port;
    let app = TestApp::spawn_with(TestDb::new().await?, move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
    })
    .await?;
    app.account(AccountRole::User, "lan@example.vn").await?;
    let browser = Browser::start(&app, Options::default()).await?;

    browser.open("/forgot-password").await?;
    assert_eq!(browser.text("h1").await?, "Quên mật khẩu");
    browser.axe().await?;
    browser.screenshot("passwords-forgot").await?;
    // A mistyped address comes back with the message beside it and the address kept.
    browser.fill("#email", "lan@example").await?;
    browser
        .click("form[action='/forgot-password'] button")
        .await?;
    assert!(browser.text(".error-summary").await?.contains("email"));
    assert!(
        browser
            .text(".field.has-error .field-error")
            .await?
            .contains("email")
    );
    assert_eq!(browser.value("#email").await?, "lan@example");
    browser.axe().await?;
    browser.fill("#email", "lan@example.vn").await?;
    browser
        .click("form[action='/forgot-password'] button")
        .await?;
    assert_eq!(browser.path().await?, "/forgot-password/sent");
    assert_eq!(browser.text("h1").await?, "Hãy kiểm tra email");
    browser.axe().await?;

    let link = link_in_email(&smtp).await?;
    browser.open(&link).await?;
    assert_eq!(browser.text("h1").await?, "Đặt mật khẩu mới");
    browser.axe().await?;
    browser.fill("#new_password", "ngắn").await?;
    browser
        .click("form[action='/reset-password'] button")
        .await?;
    assert!(
        browser
            .text("#new_password-error")
            .await?
            .contains("ít nhất 8 ký tự")
    );
    assert_eq!(
        browser.value("#new_password").await?,
        "",
        "never filled back in"
    );
    browser.axe().await?;
    browser.fill("#new_password", NEW).await?;
    browser
        .click("form[action='/reset-password'] button")
        .await?;
    assert_eq!(browser.path().await?, "/reset-password/done");
    assert_eq!(browser.text("h1").await?, "Đã đặt mật khẩu mới");
    browser.axe().await?;
    assert_eq!(sign_in_status(&app, "lan@example.vn", PASSWORD).await?, 401);
    assert_eq!(sign_in_status(&app, "lan@example.vn", NEW).await?, 200);

    // The link worked once.
    browser.open(&link).await?;
    assert_eq!(
        browser.text("h1").await?,
        "Liên kết này không còn dùng được"
    );
    browser.axe().await?;
    browser.click_text("Yêu cầu liên kết mới").await?;
    assert_eq!(browser.path().await?, "/forgot-password");
    browser.close().await
}

#[actix_web::test]
async fn a_phone_only_worker_sets_a_new_password_with_the_code_from_staff() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let code = labour_tests::phone_worker_with_code(&app, &staff).await?;
    let browser = Browser::start(&app, Options::default()).await?;

    browser.open("/forgot-password").await?;
    assert!(
        browser
            .text("main")
            .await?
            .contains("Trung tâm Dịch vụ việc làm")
    );
    browser.click_text("Tôi đã có mã: nhập mã").await?;
    assert_eq!(browser.path().await?, "/reset-password/code");
    browser.axe().await?;
    // Everything missing: a message for each field, in the summary and beside the field.
    browser
        .click("form[action='/reset-password/code'] button")
        .await?;
    let summary = browser.texts(".error-summary li a").await?;
    assert_eq!(summary.len(), 3, "{summary:?}");
    assert!(browser.text("#phone-error").await?.contains("10 chữ số"));
    assert!(browser.text("#code-error").await?.contains("Cần điền"));
    browser.axe().await?;
    // A wrong code: the phone and the code stay, the password does not.
    browser.fill("#phone", "0987 654 321").await?;
    browser.fill("#code", "AAAAA-AAAAA").await?;
    browser.fill("#new_password", NEW).await?;
    browser
        .click("form[action='/reset-password/code'] button")
        .await?;
    assert!(browser.text("#code-error").await?.contains("Mã không đúng"));
    assert_eq!(browser.value("#phone").await?, "0987 654 321");
    assert_eq!(browser.value("#code").await?, "AAAAA-AAAAA");
    assert_eq!(browser.value("#new_password").await?, "");
    browser.axe().await?;
    browser.screenshot("passwords-code-errors").await?;
    browser.fill("#code", &code.to_lowercase()).await?;
    browser.fill("#new_password", NEW).await?;
    browser
        .click("form[action='/reset-password/code'] button")
        .await?;
    assert_eq!(browser.path().await?, "/reset-password/done");
    assert_eq!(sign_in_status(&app, "0987654321", NEW).await?, 200);
    assert_eq!(sign_in_status(&app, "0987654321", PASSWORD).await?, 401);
    browser.close().await?;

    // Without JavaScript, as on a basic phone, the form works the same (axe needs scripts, so
    // it ran above).
    let browser = Browser::start(
        &app,
        Options {
            javascript: false,
            ..Options::default()
        },
    )
    .await?;
    browser.open("/reset-password/code").await?;
    browser.fill("#phone", "0987 654 321").await?;
    browser.fill("#code", "AAAAA-AAAAA").await?;
    browser
        .click("form[action='/reset-password/code'] button")
        .await?;
    assert!(
        browser
            .text("#new_password-error")
            .await?
            .contains("ít nhất 8 ký tự")
    );
    assert_eq!(browser.value("#phone").await?, "0987 654 321");
    assert_eq!(browser.value("#code").await?, "AAAAA-AAAAA");
    browser.close().await
}

#[actix_web::test]
async fn a_signed_in_person_changes_their_password_and_stays_signed_in() -> TestResult {
    let app = TestApp::spawn().await?;
    let session = app.account(AccountRole::User, "lan@example.vn").await?;
    let browser = Browser::start(&app, Options::default()).await?;

    browser.open("/account/password").await?;
    assert_eq!(browser.path().await?, "/sign-in?back=/account/password");
    browser.sign_in_with(&session.refresh).await?;
    browser.open("/account/password").await?;
    assert_eq!(browser.text("h1").await?, "Đổi mật khẩu");
    browser.axe().await?;
    browser.fill("#current_password", "sai mật khẩu").await?;
    browser.fill("#new_password", NEW).await?;
    browser
        .click("form[action='/account/password'] button")
        .await?;
    assert!(
        browser
            .text("#current_password-error")
            .await?
            .contains("Mật khẩu hiện tại không đúng")
    );
    assert_eq!(
        browser.texts(".error-summary li a").await?,
        vec!["Mật khẩu hiện tại không đúng.".to_owned()]
    );
    assert_eq!(browser.value("#current_password").await?, "");
    assert_eq!(browser.value("#new_password").await?, "");
    browser.axe().await?;
    browser.fill("#current_password", PASSWORD).await?;
    browser.fill("#new_password", NEW).await?;
    browser
        .click("form[action='/account/password'] button")
        .await?;
    assert_eq!(browser.text("h1").await?, "Đã đổi mật khẩu");
    browser.axe().await?;
    // Still signed in here.
    browser.open("/account/password").await?;
    assert_eq!(browser.text("h1").await?, "Đổi mật khẩu");
    assert_eq!(sign_in_status(&app, "lan@example.vn", PASSWORD).await?, 401);
    assert_eq!(sign_in_status(&app, "lan@example.vn", NEW).await?, 200);
    browser.close().await
}

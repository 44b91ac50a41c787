//! What every page shares: the language switch, the 404 page, accessibility of the frame.

use labour_tests::{TestApp, TestResult};

use crate::harness::{Browser, DESKTOP, Options};

#[actix_web::test]
async fn the_language_switch_is_visible_and_remembered() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/").await?;
    assert_eq!(
        browser.text("h1").await?,
        "Tìm việc làm và khóa học ở Lạng Sơn"
    );
    browser.axe().await?;
    browser.click_text("English").await?;
    assert_eq!(browser.path().await?, "/");
    assert_eq!(
        browser.text("h1").await?,
        "Find jobs and courses in Lạng Sơn"
    );
    // Remembered: a page opened afresh is in English too.
    browser.open("/").await?;
    assert_eq!(
        browser.text("h1").await?,
        "Find jobs and courses in Lạng Sơn"
    );
    browser.click_text("Tiếng Việt").await?;
    assert_eq!(
        browser.text("h1").await?,
        "Tìm việc làm và khóa học ở Lạng Sơn"
    );
    browser.close().await
}

#[actix_web::test]
async fn a_missing_page_says_so_in_the_persons_language() -> TestResult {
    let app = TestApp::spawn().await?;
    let browser = Browser::start(
        &app,
        Options {
            size: DESKTOP,
            ..Options::default()
        },
    )
    .await?;
    browser.open("/no-such-page").await?;
    assert_eq!(browser.text("h1").await?, "Không tìm thấy trang");
    browser.axe().await?;
    browser.click_text("English").await?;
    assert_eq!(browser.path().await?, "/no-such-page");
    assert_eq!(browser.text("h1").await?, "Page not found");
    browser.close().await
}

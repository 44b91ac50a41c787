//! A posting's page (each kind), reporting it, the zone and organisation pages that list open
//! postings, the statistics page; and sitemap.xml and robots.txt over plain HTTP.

use fantoccini::Locator;
use labour_store::accounts::AccountRole;
use labour_tests::{Auth, Session, TestApp, TestResult, json, verified_enterprise};
use serde_json::Value;

use crate::harness::{Browser, DESKTOP, Error, Options, PHONE};

/// What the tests find on the portal: a verified enterprise with a published job in the Đồng
/// Bành industrial park, and staff.
struct World {
    app: TestApp,
    staff: Session,
    org: uuid::Uuid,
    hr: Session,
    zone: String,
    job: String,
}

const JOB: &str = "Thợ hàn kết cấu thép";

async fn world() -> Result<World, Error> {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 7).await?;
    let zones = app
        .get("/api/v1/zones?kind=industrial_park&per_page=100")
        .await?
        .json();
    let zone = zones["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|z| z["name"] == "Khu công nghiệp Đồng Bành")
        })
        .and_then(|z| z["id"].as_str())
        .ok_or("no Đồng Bành zone")?
        .to_owned();
    let mut body = labour_tests::job(JOB);
    body["zone_id"] = json!(zone);
    let job = app.publish(org, &hr, &staff, &body).await?;
    Ok(World {
        app,
        staff,
        org,
        hr,
        zone,
        job,
    })
}

/// The deadline the job fixture sets (30 days from today), as a Vietnamese page writes it.
fn fixture_deadline() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(30))
        .format("%d/%m/%Y")
        .to_string()
}

async fn href(browser: &Browser, css: &str) -> Result<String, Error> {
    Ok(browser
        .client
        .find(Locator::Css(css))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default())
}

/// The page's JSON-LD, parsed.
async fn json_ld(browser: &Browser) -> Result<Value, Error> {
    let text = browser
        .client
        .execute(
            "return document.querySelector('script[type=\"application/ld+json\"]').textContent",
            vec![],
        )
        .await?;
    Ok(serde_json::from_str(text.as_str().ok_or("no JSON-LD")?)?)
}

#[actix_web::test]
async fn a_job_page_shows_what_a_worker_needs_to_decide() -> TestResult {
    let w = world().await?;
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.open(&format!("/postings/{}", w.job)).await?;
    assert_eq!(browser.text("h1").await?, JOB);
    assert_eq!(
        browser.text("#fact-salary dd").await?,
        "8–12 triệu đồng/tháng"
    );
    assert_eq!(browser.text("#fact-shifts dd").await?, "Ca ngày");
    assert_eq!(
        browser.text("#fact-zone dd").await?,
        "Khu công nghiệp Đồng Bành"
    );
    assert_eq!(
        href(&browser, "#fact-zone a").await?,
        format!("/zones/{}", w.zone)
    );
    assert!(!browser.text("#fact-commune dd").await?.is_empty());
    assert_eq!(browser.text("#fact-level dd").await?, "Sơ cấp");
    assert_eq!(browser.text("#fact-deadline dd").await?, fixture_deadline());
    assert_eq!(
        browser.text("#fact-benefits dd").await?,
        "Xe đưa đón, Bữa ăn"
    );
    let organisation = browser.text("#organisation").await?;
    assert!(organisation.contains("Doanh nghiệp 7"), "{organisation}");
    assert!(organisation.contains("Đã xác minh"), "{organisation}");
    assert_eq!(
        href(&browser, "#organisation a").await?,
        format!("/organisations/{}", w.org)
    );
    assert_eq!(
        href(&browser, "#apply").await?,
        format!("/postings/{}/apply", w.job)
    );
    assert_eq!(browser.text("#fact-contact_phone dd").await?, "0912345678");
    let page_url = format!("{}/postings/{}", TestApp::config().mail.public_url, w.job);
    assert_eq!(browser.value("#share-url").await?, page_url);
    let doc = json_ld(&browser).await?;
    assert_eq!(doc["@type"], "JobPosting");
    assert_eq!(doc["url"], page_url.as_str());
    assert_eq!(doc["title"], JOB);
    browser.axe().await?;
    browser.screenshot("posting-job-phone").await?;
    browser.client.set_window_size(DESKTOP.0, DESKTOP.1).await?;
    browser.screenshot("posting-job-desktop").await?;
    browser.click_text("English").await?;
    assert_eq!(
        browser.text("#fact-salary dd").await?,
        "VND 8–12 million a month"
    );
    assert_eq!(browser.text("#fact-shifts dd").await?, "Day shift");
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn course_and_training_need_pages_show_their_own_facts() -> TestResult {
    let w = world().await?;
    let (school, teacher) =
        labour_tests::verified_school(&w.app, "school@example.vn", &w.staff).await?;
    let course = w
        .app
        .publish(
            school,
            &teacher,
            &w.staff,
            &labour_tests::course("Hàn điện cơ bản", "7212", "so_cap", 20),
        )
        .await?;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
    let need = json!({
        "kind": "training_need", "title": "Đào tạo lại thợ điện công nghiệp",
        "description": "Đào tạo lại 20 công nhân điện về tủ điện điều khiển PLC.",
        "occupation_code": "7412", "level": "so_cap", "trainees": 20, "purpose": "retraining",
        "period_start": start.to_string(), "period_end": (start + chrono::Duration::days(60)).to_string(),
        "place": "at_enterprise", "commits_to_hire": true, "paid_by": "enterprise"
    });
    let need = w.app.publish(w.org, &w.hr, &w.staff, &need).await?;
    let browser = Browser::start(&w.app, Options::default()).await?;

    browser.open(&format!("/postings/{course}")).await?;
    assert_eq!(browser.text("h1").await?, "Hàn điện cơ bản");
    assert_eq!(browser.text("#fact-tuition dd").await?, "Miễn phí");
    assert_eq!(browser.text("#fact-duration dd").await?, "12 tuần");
    assert_eq!(browser.text("#fact-mode dd").await?, "Học tại trường");
    assert!(
        browser.texts("#apply").await?.is_empty(),
        "no job, no Apply"
    );
    let doc = json_ld(&browser).await?;
    assert_eq!(doc["@type"], "Course");
    browser.axe().await?;

    browser.open(&format!("/postings/{need}")).await?;
    assert_eq!(browser.text("#fact-trainees dd").await?, "20");
    assert_eq!(
        browser.text("#fact-purpose dd").await?,
        "Đào tạo lại người lao động"
    );
    assert_eq!(browser.text("#fact-commits_to_hire dd").await?, "Có");
    // schema.org has no type for a training need: no JSON-LD.
    assert!(
        browser
            .texts("script[type='application/ld+json']")
            .await?
            .is_empty()
    );
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn a_posting_not_published_is_the_not_found_page() -> TestResult {
    let w = world().await?;
    let draft = w
        .app
        .json(
            "POST",
            &format!("/api/v1/organisations/{}/postings", w.org),
            &w.hr.auth(),
            &labour_tests::job("Tin nháp chưa gửi duyệt"),
        )
        .await?
        .json()["id"]
        .as_str()
        .ok_or("no id")?
        .to_owned();
    let res = w.app.get(&format!("/postings/{draft}")).await?;
    assert_eq!(res.status, 404);
    assert_eq!(w.app.get("/postings/not-an-id").await?.status, 404);
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.open(&format!("/postings/{draft}")).await?;
    assert_eq!(browser.text("h1").await?, "Không tìm thấy trang");
    browser.axe().await?;
    // Its organisation sees it, marked as not published.
    browser.sign_in_with(&w.hr.refresh).await?;
    browser.open(&format!("/postings/{draft}")).await?;
    assert_eq!(browser.text("h1").await?, "Tin nháp chưa gửi duyệt");
    assert!(!browser.text(".notice").await?.is_empty());
    browser.close().await
}

#[actix_web::test]
async fn reporting_needs_sign_in_and_keeps_what_was_typed() -> TestResult {
    let w = world().await?;
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.open(&format!("/postings/{}", w.job)).await?;
    browser.click("#report").await?;
    assert_eq!(browser.path().await?, format!("/postings/{}/report", w.job));
    assert_eq!(
        href(&browser, "#sign-in-to-report").await?,
        format!(
            "/sign-in?back=%2Fpostings%2F{}%2Freport",
            w.job.replace('-', "%2D")
        )
    );
    browser.axe().await?;

    let worker = w
        .app
        .account(AccountRole::User, "worker@example.vn")
        .await?;
    browser.sign_in_with(&worker.refresh).await?;
    browser.open(&format!("/postings/{}/report", w.job)).await?;
    browser.axe().await?;
    // "Something else" needs a description.
    browser.click("#reason-other").await?;
    browser.click("main form button[type=submit]").await?;
    assert!(browser.text(".error-summary").await?.contains("mô tả"));
    assert!(!browser.text("#note-error").await?.is_empty());
    let checked = browser
        .client
        .find(Locator::Css("#reason-other"))
        .await?
        .prop("checked")
        .await?;
    assert_eq!(checked.as_deref(), Some("true"), "the reason is kept");
    browser.axe().await?;
    browser
        .fill("#note", "Tin yêu cầu đóng 2 triệu tiền hồ sơ.")
        .await?;
    browser.click("main form button[type=submit]").await?;
    assert_eq!(
        browser.path().await?,
        format!("/postings/{}?reported=1", w.job)
    );
    assert!(browser.text(".success").await?.contains("Cảm ơn"));
    // A second report of the same posting comes back with its text kept.
    browser.open(&format!("/postings/{}/report", w.job)).await?;
    browser.click("#reason").await?;
    browser.fill("#note", "Lần hai").await?;
    browser.click("main form button[type=submit]").await?;
    assert!(
        browser
            .text(".error-summary")
            .await?
            .contains("Bạn đã báo cáo tin này rồi")
    );
    assert_eq!(browser.value("#note").await?, "Lần hai");
    let reports = w
        .app
        .call(
            "GET",
            &format!("/api/v1/postings/{}", w.job),
            &w.staff.auth(),
        )
        .await?
        .json();
    assert_eq!(reports["report_count"], 1);
    browser.close().await
}

#[actix_web::test]
async fn zone_and_organisation_pages_list_their_open_postings() -> TestResult {
    let w = world().await?;
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.open(&format!("/zones/{}", w.zone)).await?;
    assert_eq!(browser.text("h1").await?, "Khu công nghiệp Đồng Bành");
    assert_eq!(browser.text("#fact-kind dd").await?, "Khu công nghiệp");
    assert_eq!(browser.texts(".result h3 a").await?, vec![JOB.to_owned()]);
    browser.axe().await?;
    browser.screenshot("zone-phone").await?;
    browser.client.set_window_size(DESKTOP.0, DESKTOP.1).await?;
    browser.screenshot("zone-desktop").await?;
    browser.client.set_window_size(PHONE.0, PHONE.1).await?;
    browser.click_text(JOB).await?;
    assert_eq!(browser.path().await?, format!("/postings/{}", w.job));

    browser.open(&format!("/organisations/{}", w.org)).await?;
    assert_eq!(browser.text("h1").await?, "Doanh nghiệp 7");
    assert_eq!(browser.text("#fact-verification dd").await?, "Đã xác minh");
    assert_eq!(browser.texts(".result h3 a").await?, vec![JOB.to_owned()]);
    browser.axe().await?;

    // An organisation nobody verified is not public, as in the API.
    let owner = w.app.account(AccountRole::User, "new@example.vn").await?;
    let pending = w
        .app
        .organisation(&owner, labour_tests::enterprise("Doanh nghiệp mới", 8))
        .await?;
    assert_eq!(
        w.app
            .get(&format!("/organisations/{pending}"))
            .await?
            .status,
        404
    );
    assert_eq!(
        w.app
            .get("/zones/00000000-0000-0000-0000-000000000000")
            .await?
            .status,
        404
    );
    assert_eq!(
        w.app
            .get(&format!("/zones/{}?page=0", w.zone))
            .await?
            .status,
        404
    );
    browser.close().await
}

#[actix_web::test]
async fn the_statistics_page_shows_tables_and_the_indicator_board() -> TestResult {
    let w = world().await?;
    let browser = Browser::start(&w.app, Options::default()).await?;
    browser.open("/statistics").await?;
    assert_eq!(browser.text("h1").await?, "Thống kê thị trường lao động");
    let captions = browser.texts("table caption").await?;
    assert!(
        captions.contains(&"Nhu cầu tuyển dụng".to_owned()),
        "{captions:?}"
    );
    assert!(!browser.texts("#kpis tbody tr").await?.is_empty());
    // The published job's five workers are in the demand total.
    assert_eq!(browser.texts("#demand tfoot td").await?, vec!["1", "5"]);
    browser.axe().await?;
    browser.click_text("English").await?;
    assert_eq!(browser.text("h1").await?, "Labour-market statistics");
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn sitemap_and_robots_list_the_public_pages() -> TestResult {
    let w = world().await?;
    let base = TestApp::config().mail.public_url;
    let draft = w
        .app
        .json(
            "POST",
            &format!("/api/v1/organisations/{}/postings", w.org),
            &w.hr.auth(),
            &labour_tests::job("Tin nháp"),
        )
        .await?
        .json()["id"]
        .as_str()
        .ok_or("no id")?
        .to_owned();
    let res = w.app.get("/sitemap.xml").await?;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-type")
            .unwrap_or_default()
            .starts_with("application/xml")
    );
    let xml = res.text();
    for path in [
        "/".to_owned(),
        "/statistics".to_owned(),
        "/statistics/workforce".to_owned(),
        "/statistics/indicators".to_owned(),
        "/training-needs".to_owned(),
        format!("/postings/{}", w.job),
        format!("/zones/{}", w.zone),
        format!("/organisations/{}", w.org),
    ] {
        assert!(
            xml.contains(&format!("<loc>{base}{path}</loc>")),
            "{path} in {xml}"
        );
    }
    assert!(!xml.contains(&draft), "a draft is not listed");
    assert_eq!(w.app.get("/sitemap.xml?page=1").await?.text(), xml);
    assert_eq!(w.app.get("/sitemap.xml?page=2").await?.status, 404);
    assert_eq!(w.app.get("/sitemap.xml?page=x").await?.status, 404);

    let robots = w.app.get("/robots.txt").await?;
    assert_eq!(robots.status, 200);
    let text = robots.text();
    assert!(text.contains("Disallow: /account"), "{text}");
    assert!(text.contains("Disallow: /postings/*/report"), "{text}");
    assert!(
        text.contains(&format!("Sitemap: {base}/sitemap.xml")),
        "{text}"
    );
    // The JSON-LD the API serves still says it is the API's.
    let api = w
        .app
        .call(
            "GET",
            &format!("/api/v1/postings/{}/jsonld", w.job),
            &Auth::None,
        )
        .await?;
    assert_eq!(
        serde_json::from_slice::<Value>(&api.body)?["url"],
        format!("{base}/api/v1/postings/{}", w.job).as_str()
    );
    Ok(())
}

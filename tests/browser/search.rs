//! The home page and the results pages: a search typed without diacritics, narrowed by a
//! filter, reaching a posting; with JavaScript off too; counts, suggestions, pages, languages.

use fantoccini::Locator;
use labour_store::accounts::AccountRole;
use labour_tests::{Session, TestApp, TestResult, job, json, verified_enterprise};

use crate::harness::{Browser, DESKTOP, Error, Options, PHONE};

/// The Đồng Bành industrial park's id.
async fn dong_banh(app: &TestApp) -> Result<String, Error> {
    let zones = app.get("/api/v1/zones?per_page=100").await?.json();
    zones["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|z| z["name"] == "Khu công nghiệp Đồng Bành")
        .and_then(|z| z["id"].as_str().map(str::to_owned))
        .ok_or_else(|| "no Đồng Bành zone".into())
}

/// Three published jobs (two on electrical engineering, one in the Đồng Bành park, at night)
/// and a training need, indexed: (the park's id, the park job's id).
async fn postings(app: &TestApp) -> Result<(String, String), Error> {
    let (org, owner) = verified_enterprise(app, "hr@example.vn", 41).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let zone = dong_banh(app).await?;
    let mut in_park = job("Kỹ thuật điện bảo trì nhà xưởng");
    in_park["zone_id"] = json!(zone);
    in_park["shifts"] = json!(["night"]);
    let park_job = app.publish(org, &owner, &staff, &in_park).await?;
    app.publish(org, &owner, &staff, &job("Kỹ thuật điện lắp đặt tủ"))
        .await?;
    app.publish(org, &owner, &staff, &job("Lái xe nâng trong kho"))
        .await?;
    need(app, org, &owner, &staff, &zone).await?;
    app.index_now().await?;
    Ok((zone, park_job))
}

async fn need(
    app: &TestApp,
    org: uuid::Uuid,
    owner: &Session,
    staff: &Session,
    zone: &str,
) -> Result<String, Error> {
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
    let body = json!({
        "kind": "training_need", "title": "Đào tạo lại thợ điện công nghiệp",
        "description": "Đào tạo lại 20 công nhân điện về tủ điện điều khiển PLC.",
        "occupation_code": "7412", "level": "so_cap", "trainees": 20, "purpose": "retraining",
        "period_start": start.to_string(), "period_end": (start + chrono::Duration::days(60)).to_string(),
        "place": "at_enterprise", "commits_to_hire": true, "paid_by": "enterprise", "zone_id": zone
    });
    app.publish(org, owner, staff, &body).await
}

/// Unfolds the filters (folded on a phone, and on a wide screen without JavaScript).
async fn open_filters(browser: &Browser) -> Result<(), Error> {
    let filters = browser.client.find(Locator::Css("details.filters")).await?;
    if filters.attr("open").await?.is_none() {
        browser.click("details.filters > summary").await?;
    }
    Ok(())
}

/// Waits (up to 10 s) for the page a click started loading: a click on a link or a submit
/// button can return before the browser has left the page.
async fn left(browser: &Browser, from: &str) -> Result<String, Error> {
    let started = std::time::Instant::now();
    loop {
        let path = browser.path().await?;
        if path != from || started.elapsed() > std::time::Duration::from_secs(10) {
            browser.check_translations().await?;
            return Ok(path);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
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

/// The journey: home, words without diacritics, the jobs tab, a zone ticked, the posting's
/// link; the same with or without JavaScript.
async fn search_journey(javascript: bool) -> TestResult {
    let app = TestApp::spawn().await?;
    let (zone, park_job) = postings(&app).await?;
    let browser = Browser::start(
        &app,
        Options {
            javascript,
            size: PHONE,
        },
    )
    .await?;
    browser.open("/").await?;
    browser.fill("#q", "ky thuat dien").await?;
    browser.click(".search-form button").await?;
    assert_eq!(left(&browser, "/").await?, "/search?q=ky+thuat+dien");
    assert_eq!(
        browser.value("#q").await?,
        "ky thuat dien",
        "the words stay in the box"
    );
    let titles = browser.texts(".result h2").await?;
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.iter().all(|t| t.starts_with("Kỹ thuật điện")),
        "{titles:?}"
    );
    assert_eq!(
        browser.text(".result h2 mark").await?,
        "Kỹ",
        "matched words are marked"
    );

    browser.click(".kind-tabs a[href^='/search/jobs']").await?;
    assert_eq!(
        left(&browser, "/search?q=ky+thuat+dien").await?,
        "/search/jobs?q=ky+thuat+dien"
    );
    // On a phone the filters are folded above the results.
    open_filters(&browser).await?;
    assert_eq!(
        browser.text("label[for='zone-0']").await?,
        "Khu công nghiệp Đồng Bành (1)",
        "each value shows its count"
    );
    let shifts = browser.texts("#shift label").await?;
    assert!(shifts.contains(&"Ca đêm (1)".to_owned()), "{shifts:?}");
    browser.click("#zone-0").await?;
    browser.click_text("Áp dụng bộ lọc").await?;
    let path = left(&browser, "/search/jobs?q=ky+thuat+dien").await?;
    assert!(
        path.starts_with("/search/jobs?q=ky+thuat+dien&")
            && path.contains(&format!("&zone={zone}&")),
        "{path}"
    );
    assert_eq!(browser.value("#q").await?, "ky thuat dien");
    assert_eq!(browser.text(".result-count").await?, "Tìm thấy 1 kết quả");
    assert_eq!(
        href(&browser, ".result h2 a").await?,
        format!("/postings/{park_job}")
    );
    let facts = browser.text(".result .facts-inline").await?;
    for fact in [
        "8–12 triệu đồng/tháng",
        "Khu công nghiệp Đồng Bành",
        "Hạn nộp:",
        "Cần 5 người",
    ] {
        assert!(facts.contains(fact), "{fact} in {facts}");
    }
    assert_eq!(
        browser.text(".result .organisation").await?,
        "Doanh nghiệp 41"
    );
    // The search can be saved for alerts, words and filters with it.
    assert_eq!(
        href(&browser, ".save-search").await?,
        format!("/account/saved-searches/new?q=ky+thuat+dien&zone={zone}&kind=job")
    );
    // axe runs in the page: only where scripts do.
    if javascript {
        browser.axe().await?;
    }
    browser.close().await
}

#[actix_web::test]
async fn a_search_typed_without_diacritics_and_filtered_by_zone_reaches_a_posting() -> TestResult {
    search_journey(true).await
}

#[actix_web::test]
async fn the_same_search_works_with_javascript_off() -> TestResult {
    search_journey(false).await
}

#[actix_web::test]
async fn no_results_suggest_what_to_drop() -> TestResult {
    let app = TestApp::spawn().await?;
    let (zone, _) = postings(&app).await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser
        .open(&format!(
            "/search/jobs?q=ky+thuat+dien&zone={zone}&shift=part_time"
        ))
        .await?;
    assert_eq!(
        browser.text(".no-results h2").await?,
        "Không tìm thấy kết quả nào"
    );
    let suggestions = browser.texts(".suggestions a").await?;
    for s in [
        "Bỏ lọc Khu, cụm công nghiệp: Khu công nghiệp Đồng Bành",
        "Bỏ lọc Ca làm việc: Bán thời gian",
        "Bỏ từ “ky”",
        "Bỏ tất cả bộ lọc",
        "Tìm trong cả việc làm, khóa học và nhu cầu đào tạo",
    ] {
        assert!(
            suggestions.contains(&s.to_owned()),
            "{s} in {suggestions:?}"
        );
    }
    browser.screenshot("search-no-results-phone").await?;
    browser.axe().await?;
    let from = browser.path().await?;
    browser
        .click_text("Bỏ lọc Ca làm việc: Bán thời gian")
        .await?;
    left(&browser, &from).await?;
    assert_eq!(browser.text(".result-count").await?, "Tìm thấy 1 kết quả");
    browser.close().await
}

#[actix_web::test]
async fn results_come_in_pages_and_deep_pages_say_why_they_are_empty() -> TestResult {
    let app = TestApp::spawn_without_indexer().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 42).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    for n in 1..=22 {
        app.publish(org, &owner, &staff, &job(&format!("Thợ hàn số {n}")))
            .await?;
    }
    app.index_now().await?;
    let browser = Browser::start(
        &app,
        Options {
            size: DESKTOP,
            ..Options::default()
        },
    )
    .await?;
    browser.open("/search/jobs?q=tho+han&sort=newest").await?;
    assert_eq!(browser.texts(".result").await?.len(), 20);
    assert_eq!(
        browser.text(".result h2").await?,
        "Thợ hàn số 22",
        "newest first"
    );
    assert_eq!(browser.value("#sort").await?, "newest", "the sort is kept");
    browser.click_text("Trang sau ›").await?;
    assert_eq!(
        left(&browser, "/search/jobs?q=tho+han&sort=newest").await?,
        "/search/jobs?q=tho+han&sort=newest&page=2"
    );
    assert_eq!(browser.texts(".result").await?.len(), 2);
    let current = browser.text(".pagination [aria-current='page']").await?;
    assert_eq!(
        current.split_whitespace().collect::<Vec<_>>(),
        ["Trang", "2"]
    );
    browser.axe().await?;
    browser.open("/search/jobs?q=tho+han&page=51").await?;
    assert!(
        browser
            .text(".notice")
            .await?
            .contains("1.000 kết quả đầu tiên"),
        "a page past the search depth explains itself"
    );
    browser.click_text("Về trang đầu").await?;
    left(&browser, "/search/jobs?q=tho+han&page=51").await?;
    assert_eq!(browser.texts(".result").await?.len(), 20);
    browser.close().await
}

#[actix_web::test]
async fn the_home_page_leads_to_the_zones_and_the_training_needs() -> TestResult {
    let app = TestApp::spawn().await?;
    let (zone, _) = postings(&app).await?;
    for size in [PHONE, DESKTOP] {
        let browser = Browser::start(
            &app,
            Options {
                size,
                ..Options::default()
            },
        )
        .await?;
        browser.open("/").await?;
        let name = if size == PHONE { "phone" } else { "desktop" };
        browser.screenshot(&format!("home-{name}")).await?;
        browser.axe().await?;
        browser.open("/search?q=ky+thuat+dien").await?;
        browser.screenshot(&format!("search-{name}")).await?;
        browser
            .open(&format!("/search/jobs?q=dien&zone={zone}"))
            .await?;
        open_filters(&browser).await?;
        browser
            .screenshot(&format!("search-jobs-filters-{name}"))
            .await?;
        browser.close().await?;
    }

    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/").await?;
    assert_eq!(
        href(&browser, &format!("a[href='/search/jobs?zone={zone}']")).await?,
        format!("/search/jobs?zone={zone}")
    );
    let zones = browser.texts(".zones li").await?;
    assert!(
        zones.contains(&"Khu công nghiệp Đồng Bành – 1 việc làm đang tuyển".to_owned()),
        "{zones:?}"
    );
    assert!(
        zones
            .iter()
            .any(|z| z.starts_with("Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn")),
        "{zones:?}"
    );
    assert!(href(&browser, ".latest a").await?.starts_with("/postings/"));
    assert_eq!(
        href(&browser, "a[href='/statistics#kpis']").await?,
        "/statistics#kpis"
    );
    browser
        .click_text("Xem nhu cầu đào tạo của doanh nghiệp")
        .await?;
    assert_eq!(left(&browser, "/").await?, "/training-needs");
    assert_eq!(
        browser.text("h1").await?,
        "Nhu cầu đào tạo của doanh nghiệp"
    );
    assert!(
        browser
            .text(".lead")
            .await?
            .contains("Cơ sở giáo dục nghề nghiệp")
    );
    assert_eq!(
        browser.texts(".result h2").await?,
        ["Đào tạo lại thợ điện công nghiệp"]
    );
    assert!(
        browser
            .text(".result .facts-inline")
            .await?
            .contains("20 người cần đào tạo")
    );
    browser.screenshot("training-needs-phone").await?;
    browser.axe().await?;
    browser.open("/search/courses").await?;
    assert_eq!(
        browser.text(".no-results h2").await?,
        "Không tìm thấy kết quả nào"
    );
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn a_results_page_in_english_after_the_switch() -> TestResult {
    let app = TestApp::spawn().await?;
    postings(&app).await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/search/jobs?q=ky+thuat+dien").await?;
    browser.click_text("English").await?;
    assert_eq!(browser.path().await?, "/search/jobs?q=ky+thuat+dien");
    assert_eq!(browser.text("h1").await?, "Jobs");
    assert_eq!(browser.text(".result-count").await?, "2 results");
    assert_eq!(
        browser.text("details.filters > summary").await?,
        "Filter results"
    );
    open_filters(&browser).await?;
    let legends = browser.texts("legend").await?;
    assert!(
        legends.contains(&"Industrial zone".to_owned()),
        "{legends:?}"
    );
    assert!(legends.contains(&"Shift".to_owned()), "{legends:?}");
    assert!(
        browser
            .text(".result .facts-inline")
            .await?
            .contains("million a month"),
        "money in English"
    );
    browser.axe().await?;
    browser.close().await
}

#[actix_web::test]
async fn a_bad_pay_comes_back_beside_its_field_and_searches_count_as_the_apis_do() -> TestResult {
    let app = TestApp::spawn().await?;
    postings(&app).await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser
        .open("/search/jobs?q=ky+thuat+dien&salary_min=nhieu")
        .await?;
    assert!(browser.text(".error-summary").await?.len() > 10);
    assert!(browser.text("#salary_min-error").await?.len() > 5);
    assert_eq!(
        browser.value("#salary_min").await?,
        "nhieu",
        "what was typed is kept"
    );
    assert_eq!(
        browser.text(".result-count").await?,
        "Tìm thấy 2 kết quả",
        "searched without the bad value"
    );
    browser.axe().await?;
    browser.close().await?;

    assert_eq!(app.get("/search/jobs?q=lai+xe+nang").await?.status, 200);
    assert_eq!(
        app.get("/search/jobs?q=lai+xe+nang&page=2").await?.status,
        200
    );
    app.flush_search_counts().await?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    let yesterday = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
    let demand = labour_store::search_demand::top(&mut conn, yesterday, 1, false, 50).await?;
    let counted = demand
        .iter()
        .find(|d| d.query == "lai xe nang")
        .map(|d| d.searches);
    assert_eq!(
        counted,
        Some(1),
        "a page's search is counted once, its next pages are not: {demand:?}"
    );
    Ok(())
}

/// The active element's text or value, and its tag.
async fn focused(browser: &Browser) -> Result<(String, String), Error> {
    let e = browser.client.active_element().await?;
    let text = e.text().await?;
    Ok((e.tag_name().await?, text))
}

#[actix_web::test]
async fn a_search_can_be_done_with_the_keyboard_alone() -> TestResult {
    const TAB: &str = "\u{E004}";
    const ENTER: &str = "\u{E007}";
    let app = TestApp::spawn().await?;
    let (_, park_job) = postings(&app).await?;
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/").await?;
    // The first Tab reaches the skip link, which leads past the header to the page's content.
    browser
        .client
        .active_element()
        .await?
        .send_keys(TAB)
        .await?;
    assert_eq!(focused(&browser).await?.1, "Bỏ qua, đến nội dung chính");
    browser
        .client
        .active_element()
        .await?
        .send_keys(ENTER)
        .await?;
    browser
        .client
        .active_element()
        .await?
        .send_keys(TAB)
        .await?;
    let search = browser.client.active_element().await?;
    assert_eq!(
        search.attr("id").await?.as_deref(),
        Some("q"),
        "the search box comes next"
    );
    search.send_keys("ky thuat dien").await?;
    search.send_keys(ENTER).await?;
    for _ in 0..100 {
        if browser.path().await?.starts_with("/search?") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(browser.path().await?, "/search?q=ky+thuat+dien");
    // Tab on to the first result and open it with Enter; the focus is always visible.
    let mut reached = false;
    for _ in 0..80 {
        browser
            .client
            .active_element()
            .await?
            .send_keys(TAB)
            .await?;
        let e = browser.client.active_element().await?;
        if e.attr("href").await?.as_deref() == Some(format!("/postings/{park_job}").as_str()) {
            let outline: String = serde_json::from_value(
                browser
                    .client
                    .execute(
                        "return getComputedStyle(document.activeElement).outlineStyle",
                        vec![],
                    )
                    .await?,
            )?;
            assert_ne!(outline, "none", "a focused link shows its focus");
            e.send_keys(ENTER).await?;
            reached = true;
            break;
        }
    }
    assert!(reached, "the result's link is reachable by Tab");
    for _ in 0..100 {
        if browser.path().await? == format!("/postings/{park_job}") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(browser.path().await?, format!("/postings/{park_job}"));
    browser.close().await
}

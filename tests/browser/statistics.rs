//! The yearly declaration filled in the browser, the statistics pages with their charts, tables
//! and downloads, and the plan's indicator board.

use labour_store::accounts::AccountRole;
use labour_tests::{Session, TestApp, TestResult, json, verified_enterprise};

use crate::harness::{Browser, DESKTOP, Error, Options, PHONE};

const YEAR: i32 = 2026;

/// An app with staff and a verified enterprise, and the declaration year opened by staff.
async fn world() -> Result<(TestApp, Session, uuid::Uuid, Session), Error> {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 11).await?;
    let res = app
        .json(
            "POST",
            "/api/v1/declaration-years",
            &staff.auth(),
            &json!({ "year": YEAR }),
        )
        .await?;
    if res.status != 201 && res.status != 200 {
        return Err(format!("year not opened: {} {}", res.status, res.text()).into());
    }
    Ok((app, staff, org, hr))
}

/// The row of a statistics table whose heading is `label`, cell texts.
async fn row_of(browser: &Browser, table: &str, label: &str) -> Result<Vec<String>, Error> {
    let rows = browser
        .texts(&format!("#{table} tbody tr"))
        .await?
        .into_iter()
        .find(|r| r.starts_with(label))
        .ok_or_else(|| format!("no row {label} in #{table}"))?;
    Ok(rows
        .trim_start_matches(label)
        .split_whitespace()
        .map(str::to_owned)
        .collect())
}

async fn declare(javascript: bool, size: (u32, u32)) -> TestResult {
    let (app, staff, org, hr) = world().await?;
    // Staff remind every enterprise that has not declared yet.
    let reminded = app
        .call(
            "POST",
            &format!("/api/v1/declaration-years/{YEAR}/reminders"),
            &staff.auth(),
        )
        .await?;
    assert_eq!(reminded.json()["reminded"], 1, "{}", reminded.text());
    let browser = Browser::start(&app, Options { javascript, size }).await?;
    // axe runs in the page: only with JavaScript on (the run without it checks the same pages).
    let check = async |b: &Browser| -> Result<(), Error> {
        if javascript { b.axe().await } else { Ok(()) }
    };
    browser.sign_in_with(&hr.refresh).await?;
    browser
        .open(&format!("/account/organisations/{org}/declarations"))
        .await?;
    let years = browser.text("main").await?;
    assert!(years.contains("Chưa kê khai"), "{years}");
    assert!(years.contains("đã nhắc kê khai ngày"), "{years}");
    check(&browser).await?;
    browser.click_text(&format!("Năm {YEAR}")).await?;
    assert_eq!(
        browser.text("h1").await?,
        format!("Kê khai lao động năm {YEAR}")
    );
    let cell = |g: &str, l: &str, c: &str| format!("#w-{g}-{l}-{c}");
    // Each cell is labelled with its group, level and column.
    let label = browser
        .text("label[for='w-co_khi-trung_cap-ethnic_minority']")
        .await;
    assert!(label.is_ok());
    browser
        .fill(&cell("co_khi", "trung_cap", "workers"), "40")
        .await?;
    // More ethnic-minority workers than workers: refused beside the cell.
    browser
        .fill(&cell("co_khi", "trung_cap", "ethnic_minority"), "45")
        .await?;
    browser
        .fill(&cell("co_khi", "trung_cap", "with_it_skills"), "12")
        .await?;
    browser
        .fill(&cell("dien_dien_tu", "so_cap", "workers"), "8")
        .await?;
    browser
        .fill(&cell("dien_dien_tu", "so_cap", "ethnic_minority"), "3")
        .await?;
    if javascript {
        // The totals follow the typing.
        assert_eq!(browser.text("[data-total='g co_khi 0']").await?, "40");
        assert_eq!(browser.text("[data-total='all 0']").await?, "48");
    } else {
        browser.click_text("Tính lại tổng").await?;
        assert_eq!(browser.text("[data-total='all 0']").await?, "48");
        // Recalculating checks the rules without saving.
        assert!(
            browser
                .text("#w-co_khi-trung_cap-ethnic_minority-error")
                .await?
                .contains("lớn hơn")
        );
    }
    if javascript {
        browser.screenshot("declaration").await?;
    }
    check(&browser).await?;
    browser.click_text("Lưu bản kê khai").await?;
    assert!(
        browser
            .text("#w-co_khi-trung_cap-ethnic_minority-error")
            .await?
            .contains("lớn hơn tổng số lao động")
    );
    assert!(browser.text(".error-summary").await?.contains("lớn hơn"));
    // What was typed is kept, and the totals come back from the server.
    assert_eq!(
        browser
            .value(&cell("co_khi", "trung_cap", "ethnic_minority"))
            .await?,
        "45"
    );
    assert_eq!(browser.text("[data-total='g co_khi 0']").await?, "40");
    check(&browser).await?;
    browser
        .fill(&cell("co_khi", "trung_cap", "ethnic_minority"), "25")
        .await?;
    browser.click_text("Lưu bản kê khai").await?;
    assert!(browser.text(".success").await?.contains("Đã lưu"));
    assert_eq!(browser.text("[data-total='all 0']").await?, "48");
    // A correction: the enterprise grew.
    browser
        .fill(&cell("co_khi", "trung_cap", "workers"), "50")
        .await?;
    browser.click_text("Lưu bản kê khai").await?;
    assert!(browser.text(".success").await?.contains("Đã lưu"));
    assert_eq!(
        browser
            .value(&cell("co_khi", "trung_cap", "workers"))
            .await?,
        "50"
    );
    check(&browser).await?;

    // The public workforce statistics of the year show the declared figures (the enterprise
    // is verified; 25 ethnic-minority workers stay 25 after rounding to 5; 3 are withheld).
    browser
        .open(&format!("/statistics/workforce?year={YEAR}"))
        .await?;
    assert_eq!(
        row_of(&browser, "workforce", "Cơ khí").await?,
        vec!["50", "25", "12", "1"]
    );
    assert!(
        row_of(&browser, "workforce", "Điện - điện tử")
            .await?
            .contains(&"<".to_owned())
    );
    assert!(browser.text("#workforce-chart-title").await.is_ok());
    if javascript {
        browser.screenshot("statistics-workforce").await?;
    }
    check(&browser).await?;
    browser.close().await
}

#[actix_web::test]
async fn an_enterprise_declares_corrects_and_the_workforce_statistics_show_it() -> TestResult {
    declare(true, PHONE).await
}

#[actix_web::test]
async fn the_declaration_works_without_javascript() -> TestResult {
    declare(false, DESKTOP).await
}

#[actix_web::test]
async fn every_statistics_page_has_a_chart_a_table_and_downloads() -> TestResult {
    let (app, staff, org, hr) = world().await?;
    let put = app
        .json(
            "PUT",
            &format!("/api/v1/organisations/{org}/declarations/{YEAR}"),
            &hr.auth(),
            &json!({
                "workforce": [
                    { "occupation_group": "co_khi", "level": "so_cap", "workers": 20, "ethnic_minority": 3, "with_it_skills": 10 }
                ],
                "planned_recruitment": [{ "occupation_code": "7212", "level": "so_cap", "headcount": 10 }]
            }),
        )
        .await?;
    assert_eq!(put.status, 200, "{}", put.text());
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/statistics").await?;
    browser.axe().await?;
    for (name, table) in [
        ("demand", "demand"),
        ("supply", "supply"),
        ("training", "training"),
        ("workforce", "workforce"),
        ("planned-recruitment", "planned-recruitment"),
        ("forecast", "forecast"),
    ] {
        browser.open(&format!("/statistics/{name}")).await?;
        let title = browser
            .client
            .find(fantoccini::Locator::Css(&format!(
                "svg[aria-labelledby^='{name}-chart']"
            )))
            .await;
        assert!(title.is_ok(), "{name} has its chart");
        assert!(
            browser.text(&format!("#{table} caption")).await.is_ok(),
            "{name} has its table"
        );
        let csv = browser
            .client
            .find(fantoccini::Locator::Css("a[href*='format=csv']"))
            .await?
            .attr("href")
            .await?
            .unwrap_or_default();
        let res = app.get(&csv).await?;
        assert_eq!(res.status, 200, "{csv}");
        assert!(
            res.header("content-type")
                .unwrap_or_default()
                .starts_with("text/csv"),
            "{csv}"
        );
        browser.axe().await?;
    }
    // The withheld ethnic-minority count reads "< 5", in the table and in the chart.
    browser
        .open(&format!("/statistics/workforce?year={YEAR}"))
        .await?;
    assert!(browser.text("#workforce tbody").await?.contains("< 5"));
    // A filter of the API, as a plain form.
    browser
        .open(&format!("/statistics/workforce?year={YEAR}&by=level"))
        .await?;
    assert!(browser.text("#workforce tbody").await?.contains("Sơ cấp"));
    // The staff-only table answers as the API does.
    assert_eq!(app.get("/statistics/matching").await?.status, 401);
    browser.sign_in_with(&staff.refresh).await?;
    browser.open("/statistics/matching").await?;
    assert!(browser.text("#matching caption").await.is_ok());
    // Its file comes from the page (the API's would need a bearer token), for staff only.
    let csv = browser
        .client
        .find(fantoccini::Locator::Css("a[href*='format=csv']"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    assert!(csv.starts_with("/statistics/matching?"), "{csv}");
    assert_eq!(app.get(&csv).await?.status, 401, "not without signing in");
    let answer = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
            vec![json!(csv)],
        )
        .await?;
    assert_eq!(answer, json!("200 text/csv; charset=utf-8"));
    browser.axe().await?;
    assert_eq!(app.get("/statistics/nothing").await?.status, 404);
    browser.close().await
}

#[actix_web::test]
async fn the_indicator_board_shows_targets_values_and_whether_on_track() -> TestResult {
    let (app, staff, _org, _hr) = world().await?;
    for (year, value) in [(2024, 60.0), (2026, 70.0)] {
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/kpis/trained_share/{year}"),
                &staff.auth(),
                &json!({ "value": value, "source": "Cục Thống kê tỉnh Lạng Sơn" }),
            )
            .await?;
        assert!(res.status < 300, "{}", res.text());
    }
    let browser = Browser::start(&app, Options::default()).await?;
    browser.open("/statistics/indicators").await?;
    let section = browser.text("#trained_share").await?;
    assert!(section.contains("76%"), "{section}");
    assert!(section.contains("70%"), "{section}");
    assert!(section.contains("Đúng lộ trình"), "{section}");
    assert!(section.contains("Cục Thống kê tỉnh Lạng Sơn"), "{section}");
    assert!(browser.text("#kpi-trained_share-title").await.is_ok());
    browser.screenshot("indicator-board").await?;
    browser.axe().await?;
    // The index keeps its board as a table.
    browser.open("/statistics#kpis").await?;
    assert!(browser.text("#kpis").await?.contains("Đúng lộ trình"));
    browser.close().await
}

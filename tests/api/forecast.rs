//! The forecast of next year's demand: declared plans and the postings trend, with the error
//! of the earlier forecast once a forecast year is over.

use chrono::Datelike;
use diesel_async::RunQueryDsl;
use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, job, json, verified_enterprise};

#[actix_web::test]
async fn forecast_combines_plans_and_trend_and_scores_the_past_one() -> TestResult {
    let app = TestApp::spawn().await?;
    let y = chrono::Utc::now().year();
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 81).await?;
    for (year, planned) in [(y - 2, 10), (y - 1, 20)] {
        app.json(
            "POST",
            "/api/v1/declaration-years",
            &staff.auth(),
            &json!({ "year": year }),
        )
        .await?;
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/organisations/{factory}/declarations/{year}"),
                &hr.auth(),
                &json!({ "workforce": [], "planned_recruitment": [
                    { "occupation_code": "7212", "level": "so_cap", "headcount": planned }
                ] }),
            )
            .await?;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    // Jobs asking for 5 welders two years ago and 8 + 12 last year.
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    for (headcount, year) in [(5, y - 2), (8, y - 1), (12, y - 1)] {
        let mut body = job("Thợ hàn");
        body["headcount"] = json!(headcount);
        let id = app.publish(factory, &hr, &staff, &body).await?;
        diesel::sql_query(format!(
            "UPDATE postings SET published_at = '{year}-06-01T03:00:00Z' WHERE id = '{id}'"
        ))
        .execute(&mut conn)
        .await?;
    }

    let res = app.get("/api/v1/statistics/forecast").await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let f = res.json();
    assert_eq!(f["base_year"], y - 1);
    assert_eq!(f["forecast_year"], y);
    assert!(f["method"].as_str().is_some_and(|m| m.contains("MAPE")));
    let row = f["rows"]
        .as_array()
        .and_then(|r| {
            r.iter()
                .find(|r| r["occupation_group"] == "co_khi" && r["level"] == "so_cap")
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(row["planned"], 20);
    assert_eq!(row["posted_base_year"], 20);
    assert_eq!(row["posted_year_before"], 5);
    assert_eq!(row["trend"], 40, "growth of 4x limited to 2x");
    assert_eq!(row["forecast"], 30, "mean of 20 planned and 40 trend");
    // The forecast made two years ago said 8 (10 planned, 5 trend); last year asked for 20.
    assert_eq!(f["past_errors"][0]["forecast_year"], y - 1);
    assert_eq!(f["past_errors"][0]["mape_percent"], 60.0);
    assert_eq!(
        f["past_errors"].as_array().map(Vec::len),
        Some(1),
        "this year is not over"
    );

    let csv = app.get("/api/v1/statistics/forecast?format=csv").await?;
    assert!(
        csv.text()
            .trim_start_matches('\u{feff}')
            .starts_with("Nhóm nghề,Trình độ,Doanh nghiệp dự kiến tuyển")
    );
    Ok(())
}

#[actix_web::test]
async fn the_demo_seed_gives_the_board_and_the_forecast_two_years() -> TestResult {
    let app = TestApp::spawn().await?;
    app.seed_demo().await?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    let y = chrono::Utc::now().year();
    let added = labour_store::demo_declarations::seed(&mut conn, y).await?;
    assert!(added >= 10, "{added}");
    assert_eq!(
        labour_store::demo_declarations::seed(&mut conn, y).await?,
        0,
        "once"
    );
    let board = app.get("/api/v1/kpis").await?.json();
    let it = board["items"]
        .as_array()
        .and_then(|i| i.iter().find(|k| k["key"] == "it_skills_share"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(it["values"].as_array().map(Vec::len), Some(2));
    // The older year is closed: the latest; the newer one is still open: provisional.
    assert_eq!(it["latest"]["year"], y - 2, "{it}");
    assert_eq!(it["provisional"]["year"], y - 1, "{it}");
    assert_eq!(it["provisional"]["provisional"], true);
    let f = app.get("/api/v1/statistics/forecast").await?.json();
    assert_eq!(f["base_year"], y - 1);
    assert!(f["total"].as_u64().is_some_and(|t| t > 0));
    let years = app.get("/api/v1/declaration-years").await?.json();
    assert_eq!(years["items"][1]["state"], "closed");
    Ok(())
}

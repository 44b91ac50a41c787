//! Public statistics about people count only people a throwaway account cannot stand in for:
//! signing up dummy workers does not lift a small cell over the protection threshold.

use diesel_async::RunQueryDsl;
use labour_store::accounts::AccountRole;
use labour_tests::{
    Session, TestApp, TestResult, course, job, json, verified_enterprise, verified_school,
};

fn cell<'a>(table: &'a serde_json::Value, key: &str, column: &str) -> &'a serde_json::Value {
    table["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .map_or(&serde_json::Value::Null, |r| &r["values"][column])
}

async fn worker(
    app: &TestApp,
    email: &str,
    commune: &str,
) -> Result<Session, Box<dyn std::error::Error>> {
    let w = app.account(AccountRole::User, email).await?;
    let res = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &w.auth(),
            &json!({ "full_name": "Người tìm việc", "commune_code": commune, "desired_occupations": ["7212"] }),
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    Ok(w)
}

async fn apply(
    app: &TestApp,
    w: &Session,
    posting: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let res = app
        .json(
            "POST",
            &format!("/api/v1/postings/{posting}/applications"),
            &w.auth(),
            &json!({ "share": ["full_name"] }),
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());
    Ok(res.json()["id"].as_str().unwrap_or_default().to_owned())
}

/// An account that is 60 days old.
async fn age(app: &TestApp, email: &str) -> TestResult {
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    diesel::sql_query(format!(
        "UPDATE accounts SET created_at = now() - interval '60 days' WHERE email = '{email}'"
    ))
    .execute(&mut conn)
    .await?;
    Ok(())
}

#[actix_web::test]
async fn dummy_accounts_do_not_reveal_a_real_job_seeker() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 81).await?;
    let posting = app
        .publish(org, &hr, &staff, &job("Thợ hàn ca ngày"))
        .await?;
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;
    let lesson = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn sơ cấp", "7212", "so_cap", 20),
        )
        .await?;

    // Five real job seekers in 06463, and one in 06001: accounts older than 30 days whose
    // application a verified enterprise has acted on.
    let mut real = Vec::new();
    for (n, commune) in ["06463", "06463", "06463", "06463", "06463", "06001"]
        .iter()
        .enumerate()
    {
        let email = format!("real{n}@example.vn");
        let w = worker(&app, &email, commune).await?;
        let application = apply(&app, &w, &posting).await?;
        let moved = app
            .json(
                "POST",
                &format!("/api/v1/applications/{application}/status"),
                &hr.auth(),
                &json!({ "status": "shortlisted" }),
            )
            .await?;
        assert_eq!(moved.status, 200, "{}", moved.text());
        age(&app, &email).await?;
        real.push(w);
    }
    // The one in 06001 is interested in the course.
    if let Some(w) = real.last() {
        apply(&app, w, &lesson).await?;
    }
    let supply = app
        .get("/api/v1/statistics/supply?by=commune")
        .await?
        .json();
    assert_eq!(cell(&supply, "06463", "job_seekers"), 5, "{supply}");
    assert!(cell(&supply, "06001", "job_seekers").is_null(), "{supply}");

    // The attack: four throwaway accounts with a profile in 06001 and interest in the course,
    // one of them even applying to the job (nobody acted on it), one of them old.
    for n in 0..4 {
        let email = format!("dummy{n}@example.vn");
        let w = worker(&app, &email, "06001").await?;
        apply(&app, &w, &lesson).await?;
        if n == 0 {
            apply(&app, &w, &posting).await?;
        }
        if n == 1 {
            age(&app, &email).await?;
        }
    }
    let supply = app
        .get("/api/v1/statistics/supply?by=commune")
        .await?
        .json();
    assert!(
        cell(&supply, "06001", "job_seekers").is_null(),
        "still withheld: {supply}"
    );
    assert_eq!(cell(&supply, "06463", "job_seekers"), 5);
    let training = app
        .get("/api/v1/statistics/training?by=level")
        .await?
        .json();
    assert!(
        cell(&training, "so_cap", "interested").is_null(),
        "one real interest and four dummies stay withheld: {training}"
    );
    assert!(
        training["method"]
            .as_str()
            .is_some_and(|m| m.contains("30"))
    );
    assert!(
        supply["method"].as_str().is_some_and(|m| m.contains("30")),
        "the method says who is counted: {supply}"
    );
    let en = app
        .get_in("/api/v1/statistics/supply?by=commune", "en")
        .await?
        .json();
    assert!(
        en["method"].as_str().is_some_and(|m| m.contains("30 days")),
        "{en}"
    );
    Ok(())
}

#[actix_web::test]
async fn declarations_count_only_from_verified_enterprises() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    app.json(
        "POST",
        "/api/v1/declaration-years",
        &staff.auth(),
        &json!({ "year": 2025 }),
    )
    .await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 82).await?;
    let res = app
        .json(
            "PUT",
            &format!("/api/v1/organisations/{org}/declarations/2025"),
            &hr.auth(),
            &json!({ "workforce": [ { "occupation_group": "co_khi", "level": "so_cap", "workers": 40, "ethnic_minority": 9, "with_it_skills": 2 } ] }),
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    // The enterprise is refused later: its declaration no longer counts in public tables.
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    labour_store::organisations::set_verification(
        &mut conn,
        org,
        labour_domain::organisation::Verification::Refused,
        Some("Không phải doanh nghiệp thật"),
    )
    .await?;
    let table = app
        .get("/api/v1/statistics/workforce/2025?by=occupation_group")
        .await?
        .json();
    assert!(
        cell(&table, "co_khi", "workers").is_null(),
        "no row from an enterprise that is not verified: {table}"
    );
    Ok(())
}

#[actix_web::test]
async fn the_demo_workers_count_in_public_statistics() -> TestResult {
    let app = TestApp::spawn().await?;
    app.seed_demo().await?;
    let hash = labour_api::auth::password::Hasher::new(256, 1, 1)
        .map_err(|e| format!("{e:?}"))?
        .hash_now(labour_tests::PASSWORD)?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    let today = chrono::Utc::now().date_naive();
    labour_store::demo_postings::seed(&mut conn, today).await?;
    labour_store::demo_declarations::seed(&mut conn, chrono::Datelike::year(&today)).await?;
    labour_store::demo_workers::seed(&mut conn, &hash).await?;
    labour_store::demo_workers::seed(&mut conn, &hash).await?;
    // All ten demo workers qualify (each level row before protection adds up to them); ten
    // spread over five levels are small cells, withheld as they should be.
    let raw =
        labour_store::statistics::supply(&mut conn, labour_domain::statistics::Dimension::Level)
            .await?
            .unwrap_or_default();
    assert_eq!(raw.iter().map(|r| r.a).sum::<i64>(), 10, "{raw:?}");
    // The demo's public tables still show counts: the declared workforce.
    let year = chrono::Datelike::year(&today) - 2;
    let workforce = app
        .get(&format!("/api/v1/statistics/workforce/{year}?by=level"))
        .await?
        .json();
    assert!(
        workforce["total"]["workers"]
            .as_i64()
            .is_some_and(|n| n > 0),
        "{workforce}"
    );
    Ok(())
}

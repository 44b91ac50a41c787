//! Yearly declarations: staff open a year, enterprises declare and correct until it closes,
//! staff see who has not declared and remind them; every change is audited.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, json, verified_enterprise};

fn declaration(welders: u32) -> serde_json::Value {
    json!({
        "workforce": [
            { "occupation_group": "co_khi", "level": "so_cap", "workers": welders, "ethnic_minority": 4, "with_it_skills": 10 },
            { "occupation_group": "co_khi", "level": "none", "workers": 30, "ethnic_minority": 12, "with_it_skills": 5 },
            { "occupation_group": "dien_dien_tu", "level": "trung_cap", "workers": 8, "ethnic_minority": 2, "with_it_skills": 8 }
        ],
        "planned_recruitment": [
            { "occupation_code": "7212", "level": "so_cap", "headcount": 15 },
            { "occupation_code": "7412", "level": "trung_cap", "headcount": 4 }
        ],
        "training_needs": [
            { "occupation_group": "co_khi", "level": "duoi_3_thang", "trainees": 20, "purpose": "retraining" }
        ]
    })
}

#[actix_web::test]
async fn enterprises_declare_for_an_open_year_and_correct_it_until_it_closes() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 31).await?;
    let (late, _) = verified_enterprise(&app, "late@example.vn", 37).await?;
    let path = format!("/api/v1/organisations/{factory}/declarations/2026");

    let not_open = app.json("PUT", &path, &hr.auth(), &declaration(20)).await?;
    assert_eq!(not_open.status, 409, "{}", not_open.text());

    let opened = app
        .json(
            "POST",
            "/api/v1/declaration-years",
            &staff.auth(),
            &json!({ "year": 2026 }),
        )
        .await?;
    assert_eq!(opened.status, 201, "{}", opened.text());
    let again = app
        .json(
            "POST",
            "/api/v1/declaration-years",
            &staff.auth(),
            &json!({ "year": 2026 }),
        )
        .await?;
    assert_eq!(again.status, 409);
    let by_member = app
        .json(
            "POST",
            "/api/v1/declaration-years",
            &hr.auth(),
            &json!({ "year": 2027 }),
        )
        .await?;
    assert_eq!(by_member.status, 403);

    let missing = app
        .call(
            "GET",
            "/api/v1/declaration-years/2026/missing",
            &staff.auth(),
        )
        .await?
        .json();
    assert_eq!(missing["items"].as_array().map(Vec::len), Some(2));

    let mut bad = declaration(20);
    bad["workforce"][0]["ethnic_minority"] = json!(21);
    bad["workforce"][1]["occupation_group"] = json!("nghe_la");
    bad["planned_recruitment"][0]["level"] = json!("tien_si");
    let refused = app.json("PUT", &path, &hr.auth(), &bad).await?;
    assert_eq!(refused.status, 422);
    let fields: Vec<String> = refused.json()["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|x| x["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        fields,
        vec![
            "workforce[0].ethnic_minority",
            "workforce[1].occupation_group",
            "planned_recruitment[0].level"
        ]
    );

    let saved = app.json("PUT", &path, &hr.auth(), &declaration(20)).await?;
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(saved.json()["total_workers"], 58);
    assert_eq!(saved.header("etag"), Some("\"1\""));
    let no_match = app.json("PUT", &path, &hr.auth(), &declaration(25)).await?;
    assert_eq!(no_match.status, 428, "a correction needs If-Match");
    let corrected = app
        .send_json(
            "PUT",
            &path,
            &hr.auth(),
            &[("if-match", "\"1\"")],
            &declaration(25),
        )
        .await?;
    assert_eq!(corrected.status, 200);
    assert_eq!(corrected.json()["total_workers"], 63);
    let stale = app
        .send_json(
            "PUT",
            &path,
            &hr.auth(),
            &[("if-match", "\"1\"")],
            &declaration(26),
        )
        .await?;
    assert_eq!(stale.status, 412);

    // Staff read it; another enterprise, a worker and staff writing do not get through.
    let read = app.call("GET", &path, &staff.auth()).await?;
    assert_eq!(read.json()["declaration"]["workforce"][0]["workers"], 25);
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    assert_eq!(app.call("GET", &path, &worker.auth()).await?.status, 404);
    assert_eq!(
        app.json("PUT", &path, &staff.auth(), &declaration(1))
            .await?
            .status,
        403
    );

    let missing = app
        .call(
            "GET",
            "/api/v1/declaration-years/2026/missing",
            &staff.auth(),
        )
        .await?
        .json();
    assert_eq!(missing["items"][0]["organisation_id"], json!(late));
    assert_eq!(missing["items"].as_array().map(Vec::len), Some(1));
    let reminded = app
        .call(
            "POST",
            "/api/v1/declaration-years/2026/reminders",
            &staff.auth(),
        )
        .await?;
    assert_eq!(reminded.json()["reminded"], 1);
    let late_member = app.login("late@example.vn", labour_tests::PASSWORD).await?;
    let theirs = app
        .call(
            "GET",
            &format!("/api/v1/organisations/{late}/declarations"),
            &late_member.auth(),
        )
        .await?
        .json();
    assert_eq!(theirs["items"][0]["declared"], false);
    assert!(theirs["items"][0]["last_reminded_at"].is_string());

    let export = app
        .call(
            "GET",
            "/api/v1/declaration-years/2026/declarations?format=csv",
            &staff.auth(),
        )
        .await?;
    assert_eq!(export.status, 200);
    let text = export.text();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("Doanh nghiệp,Mã số thuế,Mục,Nhóm nghề / mã nghề,Trình độ,Số người")
    );
    assert_eq!(lines.len(), 1 + 3 + 2 + 1, "a line per row declared");
    assert!(
        lines[1].contains("Lao động hiện có,co_khi,so_cap,25,4,10"),
        "{}",
        lines[1]
    );
    let xlsx = app
        .call(
            "GET",
            "/api/v1/declaration-years/2026/declarations",
            &staff.auth(),
        )
        .await?;
    assert!(xlsx.body.starts_with(b"PK"), "an XLSX is a zip");
    assert_eq!(
        app.call(
            "GET",
            "/api/v1/declaration-years/2026/declarations",
            &hr.auth()
        )
        .await?
        .status,
        403
    );

    let closed = app
        .call(
            "POST",
            "/api/v1/declaration-years/2026/close",
            &staff.auth(),
        )
        .await?;
    assert_eq!(closed.json()["state"], "closed");
    let too_late = app
        .send_json(
            "PUT",
            &path,
            &hr.auth(),
            &[("if-match", "\"2\"")],
            &declaration(30),
        )
        .await?;
    assert_eq!(too_late.status, 409, "closed years do not change");

    let actions: Vec<String> = app.audit().await?.into_iter().map(|e| e.action).collect();
    for action in [
        "declaration_year_opened",
        "declaration_saved",
        "declarations_reminded",
        "declaration_year_closed",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert_eq!(
        actions.iter().filter(|a| *a == "declaration_saved").count(),
        2
    );
    Ok(())
}

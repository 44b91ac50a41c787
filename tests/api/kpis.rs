//! The plan's indicator board: every target with its baseline, yearly values, sources and
//! status, from staff entries and from the portal's own data.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, course, json, verified_enterprise, verified_school};

fn kpi<'a>(board: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    board["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["key"] == key))
        .unwrap_or(&serde_json::Value::Null)
}

#[actix_web::test]
async fn the_board_shows_each_target_with_value_source_and_status() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let stats = "Cục Thống kê tỉnh Lạng Sơn, Niên giám thống kê";
    for (key, year, value) in [
        ("trained_share", 2024, 65.0),
        ("trained_share", 2026, 68.0),
        ("certified_share", 2024, 25.0),
        ("certified_share", 2026, 30.0),
    ] {
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/kpis/{key}/{year}"),
                &staff.auth(),
                &json!({ "value": value, "source": format!("{stats} {year}") }),
            )
            .await?;
        assert_eq!(res.status, 204, "{}", res.text());
    }

    // Declarations give the ethnic-minority indicator: 2025 30 of 60 trained, 2026 45 of 60.
    app.json(
        "POST",
        "/api/v1/declaration-years",
        &staff.auth(),
        &json!({ "year": 2025 }),
    )
    .await?;
    app.json(
        "POST",
        "/api/v1/declaration-years",
        &staff.auth(),
        &json!({ "year": 2026 }),
    )
    .await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 61).await?;
    for (year, trained) in [(2025, 30), (2026, 45)] {
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/organisations/{factory}/declarations/{year}"),
                &hr.auth(),
                &json!({ "workforce": [
                    { "occupation_group": "co_khi", "level": "so_cap", "workers": 100, "ethnic_minority": trained, "with_it_skills": 80 },
                    { "occupation_group": "co_khi", "level": "none", "workers": 100, "ethnic_minority": 60 - trained, "with_it_skills": 90 }
                ] }),
            )
            .await?;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    // Values derived from a year count once the year is closed (else they are provisional).
    for year in [2025, 2026] {
        let closed = app
            .call(
                "POST",
                &format!("/api/v1/declaration-years/{year}/close"),
                &staff.auth(),
            )
            .await?;
        assert_eq!(closed.status, 200, "{}", closed.text());
    }
    // A worker admitted to a listed course counts as trained this year.
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;
    let id = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn trung cấp", "7212", "trung_cap", 20),
        )
        .await?;
    let worker = app.account(AccountRole::User, "hoc@example.vn").await?;
    app.json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &json!({ "full_name": "Học viên" }),
    )
    .await?;
    let applied = app
        .json(
            "POST",
            &format!("/api/v1/postings/{id}/applications"),
            &worker.auth(),
            &json!({ "share": ["full_name"] }),
        )
        .await?
        .json();
    let application = applied["id"].as_str().unwrap_or_default().to_owned();
    let admitted = app
        .json(
            "POST",
            &format!("/api/v1/applications/{application}/status"),
            &teacher.auth(),
            &json!({ "status": "hired" }),
        )
        .await?;
    assert_eq!(admitted.status, 200, "{}", admitted.text());

    let board = app.get("/api/v1/kpis").await?;
    assert_eq!(board.status, 200, "{}", board.text());
    let board = board.json();
    assert_eq!(
        board["items"].as_array().map(Vec::len),
        Some(9),
        "every target of the plan"
    );
    for item in board["items"].as_array().cloned().unwrap_or_default() {
        assert!(item["target"].as_f64().is_some_and(|t| t > 0.0), "{item}");
        assert!(item["status"].is_string(), "{item}");
    }

    let trained = kpi(&board, "trained_share");
    assert_eq!(trained["target"], 76.0);
    assert_eq!(trained["baseline"]["value"], 65.0);
    assert_eq!(trained["baseline"]["source"], format!("{stats} 2024"));
    assert_eq!(trained["latest"]["year"], 2026);
    assert_eq!(trained["expected_in_latest_year"], 68.7);
    assert_eq!(
        trained["status"], "off_track",
        "68 is under the path's 68.7"
    );
    assert_eq!(kpi(&board, "certified_share")["status"], "on_track");

    let ethnic = kpi(&board, "ethnic_minority_trained_share");
    assert_eq!(ethnic["source_kind"], "derived");
    assert_eq!(ethnic["baseline"]["value"], 50.0);
    assert_eq!(ethnic["latest"]["value"], 75.0);
    assert!(
        ethnic["latest"]["source"]
            .as_str()
            .is_some_and(|s| s.contains("kê khai"))
    );
    assert_eq!(ethnic["status"], "on_track");
    let it = kpi(&board, "it_skills_share");
    assert_eq!(it["latest"]["value"], 85.0);
    let per_year = kpi(&board, "trained_per_year");
    assert!(
        per_year["latest"].is_null(),
        "the year under way is not complete: {per_year}"
    );
    assert_eq!(per_year["provisional"]["value"], 1.0);
    assert_eq!(per_year["provisional"]["provisional"], true);
    assert_eq!(per_year["status"], "no_data", "one year is not a path");
    assert_eq!(kpi(&board, "asean_occupations")["status"], "no_data");

    // Staff replace a derived value with a cited one.
    app.json(
        "PUT",
        "/api/v1/kpis/it_skills_share/2026",
        &staff.auth(),
        &json!({ "value": 71.5, "source": "Sở Nội vụ, báo cáo lao động 2026" }),
    )
    .await?;
    let board = app.get("/api/v1/kpis").await?.json();
    let it = kpi(&board, "it_skills_share");
    assert_eq!(it["latest"]["value"], 71.5);
    assert_eq!(it["latest"]["derived"], false);

    for (path, body, want) in [
        (
            "/api/v1/kpis/unknown/2026",
            json!({ "value": 1.0, "source": "x source" }),
            404,
        ),
        (
            "/api/v1/kpis/trained_share/2026",
            json!({ "value": 150.0, "source": "x source" }),
            422,
        ),
        (
            "/api/v1/kpis/trained_share/2026",
            json!({ "value": 70.0, "source": " " }),
            422,
        ),
        (
            "/api/v1/kpis/trained_share/2040",
            json!({ "value": 70.0, "source": "x source" }),
            422,
        ),
    ] {
        let res = app.json("PUT", path, &staff.auth(), &body).await?;
        assert_eq!(res.status, want, "{path} {body}");
    }
    let denied = app
        .json(
            "PUT",
            "/api/v1/kpis/trained_share/2026",
            &worker.auth(),
            &json!({ "value": 1.0, "source": "x source" }),
        )
        .await?;
    assert_eq!(denied.status, 403);
    let csv = app.get("/api/v1/kpis?format=csv").await?.text();
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("Chỉ tiêu,Mục tiêu 2030,Năm,Giá trị,Nguồn,Tình trạng")
    );
    assert!(csv.contains("Tỷ lệ lao động qua đào tạo,76,2024,65,\"Cục Thống kê tỉnh Lạng Sơn, Niên giám thống kê 2024\""));
    let audited = app
        .audit()
        .await?
        .into_iter()
        .filter(|e| e.action == "kpi_value_entered")
        .count();
    assert_eq!(audited, 5);
    Ok(())
}

#[actix_web::test]
async fn a_year_still_being_collected_is_provisional_and_never_the_latest() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    for year in [2025, 2026] {
        app.json(
            "POST",
            "/api/v1/declaration-years",
            &staff.auth(),
            &json!({ "year": year }),
        )
        .await?;
    }
    // 2025: three enterprises, 60 of 100 workers with IT skills; then the year is closed.
    // 2026, still open: one enterprise so far, 10 of 50.
    let mut enterprises = Vec::new();
    for n in 0..3u32 {
        enterprises.push(verified_enterprise(&app, &format!("hr{n}@example.vn"), 90 + n).await?);
    }
    let declare = |workers: u32, it: u32| {
        json!({ "workforce": [
            { "occupation_group": "co_khi", "level": "so_cap", "workers": workers, "ethnic_minority": 0, "with_it_skills": it }
        ] })
    };
    for ((org, hr), (workers, it)) in enterprises.iter().zip([(40, 30), (40, 20), (20, 10)]) {
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/organisations/{org}/declarations/2025"),
                &hr.auth(),
                &declare(workers, it),
            )
            .await?;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    let closed = app
        .call(
            "POST",
            "/api/v1/declaration-years/2025/close",
            &staff.auth(),
        )
        .await?;
    assert_eq!(closed.status, 200, "{}", closed.text());
    let (org, hr) = &enterprises[0];
    let res = app
        .json(
            "PUT",
            &format!("/api/v1/organisations/{org}/declarations/2026"),
            &hr.auth(),
            &declare(50, 10),
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());

    let board = app.get("/api/v1/kpis").await?.json();
    let it = kpi(&board, "it_skills_share");
    assert_eq!(it["latest"]["year"], 2025, "{it}");
    assert_eq!(it["latest"]["value"], 60.0);
    assert_eq!(it["latest"]["provisional"], false);
    assert_eq!(it["latest"]["coverage"]["enterprises"], 3);
    assert_eq!(it["status"], "no_data", "one complete year is not a path");
    let open = it["values"]
        .as_array()
        .and_then(|v| v.iter().find(|v| v["year"] == 2026))
        .cloned()
        .unwrap_or_default();
    assert_eq!(open["value"], 20.0, "{it}");
    assert_eq!(open["provisional"], true);
    assert_eq!(open["coverage"]["enterprises"], 1);
    assert_eq!(open["coverage"]["workers"], 50);
    assert_eq!(
        it["provisional"]["year"], 2026,
        "the newest provisional value"
    );

    let csv = app.get("/api/v1/kpis?format=csv").await?.text();
    let line_2026 = csv
        .lines()
        .find(|l| l.starts_with("Tỷ lệ lao động có kỹ năng công nghệ thông tin,90,2026"))
        .unwrap_or_default();
    assert!(line_2026.contains("Tạm tính"), "{csv}");
    Ok(())
}

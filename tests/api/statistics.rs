//! Statistics: declarations add up, counts of people are protected whatever the filters,
//! staff-only tables stay with staff, and the CSV and XLSX exports read back with their
//! Vietnamese text in an independent reader.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, job, json, verified_enterprise};

fn declaration(mech: u32, mech_ethnic: u32, elec: u32) -> serde_json::Value {
    json!({
        "workforce": [
            { "occupation_group": "co_khi", "level": "so_cap", "workers": mech, "ethnic_minority": mech_ethnic, "with_it_skills": 2 },
            { "occupation_group": "dien_dien_tu", "level": "trung_cap", "workers": elec, "ethnic_minority": 1, "with_it_skills": elec }
        ],
        "planned_recruitment": [ { "occupation_code": "7212", "level": "so_cap", "headcount": mech / 2 } ]
    })
}

fn row<'a>(table: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    table["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .unwrap_or(&serde_json::Value::Null)
}

#[actix_web::test]
async fn declarations_add_up_and_ethnic_minority_counts_are_protected() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (a, hr_a) = verified_enterprise(&app, "a@example.vn", 41).await?;
    let (b, hr_b) = verified_enterprise(&app, "b@example.vn", 45).await?;
    app.json(
        "POST",
        "/api/v1/declaration-years",
        &staff.auth(),
        &json!({ "year": 2025 }),
    )
    .await?;
    for (org, hr, body) in [
        (a, &hr_a, declaration(40, 9, 6)),
        (b, &hr_b, declaration(23, 3, 4)),
    ] {
        let res = app
            .json(
                "PUT",
                &format!("/api/v1/organisations/{org}/declarations/2025"),
                &hr.auth(),
                &body,
            )
            .await?;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    let table = app
        .get("/api/v1/statistics/workforce/2025?by=occupation_group")
        .await?;
    assert_eq!(table.status, 200, "{}", table.text());
    let t = table.json();
    let mech = row(&t, "co_khi");
    assert_eq!(mech["label"], "Cơ khí");
    assert_eq!(mech["values"]["workers"], 63);
    assert_eq!(
        mech["values"]["ethnic_minority"], 10,
        "12 people, rounded to 10"
    );
    assert_eq!(mech["values"]["enterprises"], 2);
    let elec = row(&t, "dien_dien_tu");
    assert_eq!(elec["values"]["workers"], 10);
    assert!(
        elec["values"]["ethnic_minority"].is_null(),
        "2 people: withheld"
    );
    assert_eq!(t["total"]["workers"], 73);
    assert_eq!(t["total"]["with_it_skills"], 14);
    let by_level = app
        .get("/api/v1/statistics/workforce/2025?by=level")
        .await?
        .json();
    assert_eq!(row(&by_level, "so_cap")["values"]["workers"], 63);
    let plans = app
        .get("/api/v1/statistics/planned-recruitment/2025?by=occupation")
        .await?
        .json();
    assert_eq!(row(&plans, "7212")["values"]["headcount"], 31);
    let bad = app
        .get("/api/v1/statistics/workforce/2025?by=month")
        .await?;
    assert_eq!(bad.status, 400);
    Ok(())
}

#[actix_web::test]
async fn no_combination_of_filters_gives_back_a_count_under_five() -> TestResult {
    let app = TestApp::spawn().await?;
    // Welders: 3 in Chi Lăng, 6 in Thất Khê, 12 in Đoàn Kết; all at elementary level.
    let mut n = 0;
    for (commune, count) in [("06463", 3), ("06040", 6), ("06001", 12)] {
        for _ in 0..count {
            n += 1;
            let w = app
                .account(AccountRole::User, &format!("w{n}@example.vn"))
                .await?;
            let res = app
                .json(
                    "PUT",
                    "/api/v1/me/profile",
                    &w.auth(),
                    &json!({ "full_name": format!("Người {n}"), "commune_code": commune,
                             "training_level": "so_cap", "desired_occupations": ["7212"] }),
                )
                .await?;
            assert_eq!(res.status, 200);
        }
    }
    app.count_every_worker().await?;
    let mut published = Vec::new();
    let mut tables = Vec::new();
    for by in ["commune", "occupation", "occupation_group", "level"] {
        let t = app
            .get(&format!("/api/v1/statistics/supply?by={by}"))
            .await?
            .json();
        for r in t["rows"].as_array().cloned().unwrap_or_default() {
            published.push(r["values"]["job_seekers"].clone());
        }
        tables.push(t);
    }
    // Every published count is withheld or a multiple of 5, so no sum or difference of them
    // is 1 to 4.
    assert!(
        published
            .iter()
            .all(|v| v.is_null() || v.as_u64().is_some_and(|n| n % 5 == 0)),
        "{published:?}"
    );
    let by_commune = &tables[0];
    assert!(row(by_commune, "06463")["values"]["job_seekers"].is_null());
    assert_eq!(row(by_commune, "06040")["values"]["job_seekers"], 5);
    assert_eq!(row(by_commune, "06001")["values"]["job_seekers"], 10);
    let all_welders = row(&tables[1], "7212")["values"]["job_seekers"]
        .as_i64()
        .unwrap_or(0);
    assert_eq!(all_welders, 20, "21 rounded");
    assert_ne!(
        all_welders - 5 - 10,
        3,
        "the difference does not give Chi Lăng's 3 back"
    );
    assert!(
        tables.iter().all(|t| t["total"].is_null()),
        "no totals over overlapping rows"
    );
    Ok(())
}

#[actix_web::test]
async fn staff_only_statistics_and_exports_that_read_back_in_another_program() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 51).await?;
    let mut welders = job("Thợ hàn");
    welders["headcount"] = json!(12);
    app.publish(factory, &hr, &staff, &welders).await?;
    app.publish(factory, &hr, &staff, &job("Thợ hàn ca đêm"))
        .await?;

    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    assert_eq!(app.get("/api/v1/statistics/matching").await?.status, 401);
    assert_eq!(
        app.call("GET", "/api/v1/statistics/matching", &worker.auth())
            .await?
            .status,
        403
    );
    let matching = app
        .call("GET", "/api/v1/statistics/matching", &staff.auth())
        .await?;
    assert_eq!(matching.status, 200);
    assert_eq!(matching.json()["public"], false);

    let demand = app
        .get("/api/v1/statistics/demand?by=occupation_group")
        .await?
        .json();
    assert_eq!(row(&demand, "co_khi")["values"]["jobs"], 2);
    assert_eq!(row(&demand, "co_khi")["values"]["headcount"], 17);

    let python = std::env::var("LABOUR_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = tempfile::tempdir()?;
    let xlsx = app
        .get("/api/v1/statistics/demand?by=occupation_group&format=xlsx")
        .await?;
    assert_eq!(xlsx.status, 200);
    assert!(
        xlsx.header("content-disposition")
            .is_some_and(|h| h.contains("demand-occupation_group.xlsx"))
    );
    let xlsx_path = dir.path().join("demand.xlsx");
    std::fs::write(&xlsx_path, &xlsx.body)?;
    let csv = app
        .get("/api/v1/statistics/demand?by=occupation_group&format=csv")
        .await?;
    let csv_path = dir.path().join("demand.csv");
    std::fs::write(&csv_path, &csv.body)?;
    let script = r#"
import csv, json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    text_rows = list(csv.reader(f))
print(json.dumps({"title": ws.title, "xlsx": rows, "csv": text_rows}, ensure_ascii=False))
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(&xlsx_path)
        .arg(&csv_path)
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(read["title"], "Nhu cầu tuyển dụng");
    assert_eq!(
        read["xlsx"][0],
        json!([
            "Nhóm nghề",
            "Tên",
            "Số tin tuyển dụng",
            "Số lao động cần tuyển"
        ])
    );
    assert_eq!(read["csv"][0], read["xlsx"][0], "same headings in both");
    let mech = read["xlsx"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r[0] == "co_khi"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        mech,
        json!(["co_khi", "Cơ khí", 2, 17]),
        "numbers stay numbers"
    );
    assert!(read["csv"].as_array().is_some_and(|rows| {
        rows.iter()
            .any(|r| r == &json!(["co_khi", "Cơ khí", "2", "17"]))
    }));
    assert_eq!(
        read["xlsx"]
            .as_array()
            .and_then(|r| r.last())
            .map(|r| r[0].clone()),
        Some(json!("Tổng"))
    );
    Ok(())
}

#[actix_web::test]
async fn staff_see_what_workers_search_for_and_do_not_find() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 91).await?;
    app.publish(factory, &hr, &staff, &job("Thợ hàn")).await?;
    app.index_now().await?;
    for (q, times) in [
        ("thợ hàn", 6),
        ("Tho Han", 1),
        ("lái máy xúc", 7),
        ("phiên dịch tiếng hàn", 3),
        ("0912345678", 9),
    ] {
        for _ in 0..times {
            let encoded: String = q
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            let res = app.get(&format!("/api/v1/jobs?q={encoded}")).await?;
            assert_eq!(res.status, 200);
        }
    }
    app.flush_search_counts().await?;
    let res = app
        .call("GET", "/api/v1/statistics/search-demand", &staff.auth())
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let d = res.json();
    assert_eq!(
        d["not_found"],
        json!([{ "query": "lai may xuc", "searches": 7, "found_nothing": 7 }])
    );
    let most: Vec<(String, i64)> = d["most_searched"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    (
                        x["query"].as_str().unwrap_or("").to_owned(),
                        x["searches"].as_i64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        most,
        vec![("lai may xuc".to_owned(), 7), ("tho han".to_owned(), 7)],
        "ties in the order of the words"
    );
    assert!(
        !res.text().contains("0912345678"),
        "phone-like queries are never kept"
    );
    assert!(
        !res.text().contains("phien dich"),
        "fewer than 5 searches are not shown"
    );
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    assert_eq!(
        app.call("GET", "/api/v1/statistics/search-demand", &worker.auth())
            .await?
            .status,
        403
    );
    Ok(())
}

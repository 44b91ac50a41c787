//! Open data: every published posting in bulk (JSON lines, CSV with Vietnamese headings) and
//! schema.org JSON-LD per public job and course.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, course, job, json, verified_enterprise, verified_school};

#[actix_web::test]
async fn published_postings_go_out_as_open_data_and_json_ld() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 71).await?;
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;
    let job_id = app
        .publish(factory, &hr, &staff, &job("Thợ hàn kết cấu"))
        .await?;
    let course_id = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn điện trung cấp", "7212", "trung_cap", 30),
        )
        .await?;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
    let need = json!({
        "kind": "training_need", "title": "Đào tạo lại thợ điện", "description": "Đào tạo lại 20 công nhân điện về tủ điện PLC.",
        "occupation_code": "7412", "level": "so_cap", "trainees": 20, "purpose": "retraining",
        "period_start": start.to_string(), "period_end": (start + chrono::Duration::days(60)).to_string(),
        "place": "at_enterprise", "commits_to_hire": true, "paid_by": "enterprise"
    });
    let need_id = app.publish(factory, &hr, &staff, &need).await?;
    let draft = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{factory}/postings"),
            &hr.auth(),
            &job("Bản nháp"),
        )
        .await?
        .json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let ld = app
        .get(&format!("/api/v1/postings/{job_id}/jsonld"))
        .await?;
    assert_eq!(ld.status, 200);
    assert!(
        ld.header("content-type")
            .is_some_and(|c| c.starts_with("application/ld+json"))
    );
    let ld = ld.json();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Thợ hàn kết cấu");
    assert_eq!(ld["hiringOrganization"]["name"], "Doanh nghiệp 71");
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 12_000_000);
    assert_eq!(
        ld["jobLocation"]["address"]["addressLocality"],
        "Xã Chi Lăng"
    );
    assert_eq!(ld["occupationalCategory"]["codeValue"], "7212");
    assert!(
        !ld.to_string().contains("0912345678"),
        "no contact phone in JSON-LD"
    );

    let ld = app
        .get(&format!("/api/v1/postings/{course_id}/jsonld"))
        .await?
        .json();
    assert_eq!(ld["@type"], "Course");
    assert_eq!(ld["provider"]["@type"], "EducationalOrganization");
    assert_eq!(ld["hasCourseInstance"][0]["courseMode"], "onsite");
    assert_eq!(ld["offers"]["price"], 0);
    assert_eq!(
        app.get(&format!("/api/v1/postings/{need_id}/jsonld"))
            .await?
            .status,
        409
    );
    assert_eq!(
        app.get(&format!("/api/v1/postings/{draft}/jsonld"))
            .await?
            .status,
        404
    );

    let lines = app.get("/api/v1/open-data/postings").await?;
    assert_eq!(lines.status, 200);
    let records: Vec<serde_json::Value> = lines
        .text()
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut kinds: Vec<String> = records
        .iter()
        .filter_map(|r| r["kind"].as_str().map(str::to_owned))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec!["course", "job", "training_need"],
        "published ones only"
    );
    let job_record = records
        .iter()
        .find(|r| r["id"] == json!(job_id))
        .cloned()
        .unwrap_or_default();
    assert_eq!(job_record["places"], 5);
    assert_eq!(job_record["commune"], "Xã Chi Lăng");
    assert!(
        !lines.text().contains("0912345678"),
        "no contact details in open data"
    );

    let csv = app.get("/api/v1/open-data/postings?format=csv").await?;
    assert!(
        csv.header("content-disposition")
            .is_some_and(|h| h.contains("postings.csv"))
    );
    let text = csv.text();
    let mut rows = text.trim_start_matches('\u{feff}').lines();
    assert!(
        rows.next()
            .is_some_and(|h| h.starts_with("Mã tin,Loại tin,Tiêu đề,Đơn vị đăng"))
    );
    assert_eq!(rows.count(), 3);
    assert_eq!(
        app.get("/api/v1/open-data/postings?format=xml")
            .await?
            .status,
        400
    );
    Ok(())
}

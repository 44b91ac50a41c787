//! Workers' own profiles: private to them and to staff, with consent for sensitive fields, and
//! theirs to download or erase.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, PASSWORD, TestApp, TestResult, json, verified_enterprise};

fn profile(name: &str) -> serde_json::Value {
    json!({
        "full_name": name, "birth_year": 1998, "gender": "female", "commune_code": "06463",
        "phone": "0912345678", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "it_skills": "basic", "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    })
}

#[actix_web::test]
async fn a_worker_keeps_a_profile_with_versions_and_consent() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    assert_eq!(
        app.call("GET", "/api/v1/me/profile", &worker.auth())
            .await?
            .status,
        404
    );

    let created = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &profile("Lương Thị Mai"),
        )
        .await?;
    assert_eq!(created.status, 200, "{}", created.text());
    assert_eq!(created.header("etag"), Some("\"1\""));
    assert!(
        created.json()["reasons"]
            .as_array()
            .is_some_and(|r| r.len() == 3)
    );

    let again = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &profile("Lương Thị Mai"),
        )
        .await?;
    assert_eq!(again.status, 428, "replacing needs If-Match");
    let updated = app
        .send_json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &[("if-match", "\"1\"")],
            &profile("Lương Mai"),
        )
        .await?;
    assert_eq!(updated.json()["version"], 2);
    let stale = app
        .send_json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &[("if-match", "\"1\"")],
            &profile("Mai"),
        )
        .await?;
    assert_eq!(stale.status, 412);

    let mut sensitive = profile("Lương Mai");
    sensitive["ethnic_group"] = json!("nung");
    let refused = app
        .send_json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &[("if-match", "\"2\"")],
            &sensitive,
        )
        .await?;
    assert_eq!(
        (refused.status, refused.json()["errors"][0]["code"].clone()),
        (422, json!("consent_required"))
    );
    sensitive["consents"]["ethnicity"] = json!(true);
    let kept = app
        .send_json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &[("if-match", "\"2\"")],
            &sensitive,
        )
        .await?;
    assert_eq!(kept.json()["profile"]["ethnic_group"], "nung");
    Ok(())
}

#[actix_web::test]
async fn only_the_worker_and_staff_read_a_profile_and_staff_reads_are_audited() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "an@example.vn").await?;
    app.json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &profile("Hoàng An"),
    )
    .await?;
    let id = app.call("GET", "/api/v1/me", &worker.auth()).await?.json()["id"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let path = format!("/api/v1/workers/{id}/profile");

    let (_, enterprise) = verified_enterprise(&app, "hr@example.vn", 31).await?;
    assert_eq!(
        app.call("GET", &path, &enterprise.auth()).await?.status,
        404,
        "an enterprise learns nothing"
    );
    assert_eq!(app.call("GET", &path, &Auth::None).await?.status, 401);
    assert_eq!(app.call("GET", &path, &worker.auth()).await?.status, 200);
    assert!(
        !app.audit()
            .await?
            .iter()
            .any(|e| e.action == "profile_read"),
        "the worker's own read is not a staff read"
    );

    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let read = app.call("GET", &path, &staff.auth()).await?;
    assert_eq!(read.json()["profile"]["full_name"], "Hoàng An");
    let audit = app.audit().await?;
    let reads: Vec<_> = audit
        .iter()
        .filter(|e| e.action == "profile_read")
        .collect();
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].subject_id.as_deref(), Some(id.as_str()));
    Ok(())
}

#[actix_web::test]
async fn a_worker_downloads_everything_and_can_erase_the_account() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "binh@example.vn").await?;
    app.json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &profile("Nông Văn Bình"),
    )
    .await?;
    app.json(
        "POST",
        "/api/v1/me/saved-searches",
        &worker.auth(),
        &json!({ "name": "Việc hàn", "query": { "q": "hàn" } }),
    )
    .await?;
    let export = app.call("GET", "/api/v1/me/export", &worker.auth()).await?;
    assert_eq!(export.status, 200);
    assert!(
        export
            .header("content-disposition")
            .is_some_and(|h| h.contains("attachment"))
    );
    let data = export.json();
    assert_eq!(data["account"]["email"], "binh@example.vn");
    assert_eq!(data["profile"]["full_name"], "Nông Văn Bình");
    assert_eq!(data["saved_searches"][0]["name"], "Việc hàn");
    assert!(data["applications"].is_array() && data["notifications"].is_array());
    assert!(!export.text().contains("argon2"), "no password hash");

    assert_eq!(
        app.call("DELETE", "/api/v1/me", &worker.auth())
            .await?
            .status,
        204
    );
    assert_eq!(
        app.call("GET", "/api/v1/me", &worker.auth()).await?.status,
        401
    );
    assert!(app.login("binh@example.vn", PASSWORD).await.is_err());
    assert!(
        app.audit()
            .await?
            .iter()
            .any(|e| e.action == "account_deleted")
    );
    Ok(())
}

#[actix_web::test]
async fn an_application_shares_only_what_the_worker_chose_and_moves_through_its_steps() -> TestResult
{
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 32).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let job = app
        .publish(org, &owner, &staff, &labour_tests::job("Thợ hàn điện"))
        .await?;

    let worker = app.account(AccountRole::User, "lan@example.vn").await?;
    let apply = json!({ "share": ["full_name", "skills", "phone"], "message": "Tôi có 2 năm kinh nghiệm hàn." });
    let path = format!("/api/v1/postings/{job}/applications");
    let no_profile = app.json("POST", &path, &worker.auth(), &apply).await?;
    assert_eq!(no_profile.status, 422, "a profile comes first");

    let mut p = profile("Hoàng Thị Lan");
    p["ethnic_group"] = json!("tay");
    p["citizen_id"] = json!("020301001234");
    p["consents"] = json!({ "ethnicity": true, "citizen_id": true, "discoverable": false });
    assert_eq!(
        app.json("PUT", "/api/v1/me/profile", &worker.auth(), &p)
            .await?
            .status,
        200
    );
    let private = app
        .json(
            "POST",
            &path,
            &worker.auth(),
            &json!({ "share": ["citizen_id"] }),
        )
        .await?;
    assert_eq!(
        (private.status, private.json()["errors"][0]["field"].clone()),
        (422, json!("share[0]"))
    );

    let made = app.json("POST", &path, &worker.auth(), &apply).await?;
    assert_eq!(made.status, 201, "{}", made.text());
    assert_eq!(
        app.json("POST", &path, &worker.auth(), &apply)
            .await?
            .status,
        409
    );
    let id = made.json()["id"].as_str().unwrap_or("").to_owned();

    // The enterprise sees the snapshot: what was shared, nothing else.
    let applicants = app.call("GET", &path, &owner.auth()).await?;
    let shared = applicants.json()["items"][0]["shared"].clone();
    assert_eq!(
        shared,
        json!({ "full_name": "Hoàng Thị Lan", "skills": ["hàn hồ quang"], "phone": "0912345678" })
    );
    assert!(!applicants.text().contains("020301001234") && !applicants.text().contains("\"tay\""));
    let (_, other) = verified_enterprise(&app, "other@example.vn", 33).await?;
    assert_eq!(app.call("GET", &path, &other.auth()).await?.status, 404);
    let worker_id = made.json()["worker_id"].as_str().unwrap_or("").to_owned();
    assert_eq!(
        app.call(
            "GET",
            &format!("/api/v1/workers/{worker_id}/profile"),
            &owner.auth()
        )
        .await?
        .status,
        404,
        "applying shares the snapshot, not the profile"
    );

    let status = format!("/api/v1/applications/{id}/status");
    assert_eq!(
        app.json(
            "POST",
            &status,
            &owner.auth(),
            &json!({ "status": "shortlisted" })
        )
        .await?
        .status,
        200
    );
    assert_eq!(
        app.json(
            "POST",
            &status,
            &worker.auth(),
            &json!({ "status": "hired" })
        )
        .await?
        .status,
        403,
        "workers only withdraw"
    );
    let mine = app
        .call("GET", "/api/v1/me/applications", &worker.auth())
        .await?
        .json();
    assert_eq!(mine["items"][0]["status"], "shortlisted");
    assert_eq!(
        app.json(
            "POST",
            &status,
            &worker.auth(),
            &json!({ "status": "withdrawn" })
        )
        .await?
        .status,
        200
    );
    assert_eq!(
        app.json(
            "POST",
            &status,
            &owner.auth(),
            &json!({ "status": "interview" })
        )
        .await?
        .status,
        409,
        "withdrawn stays withdrawn"
    );
    Ok(())
}

#[actix_web::test]
async fn enrolment_interest_in_a_course_works_the_same_way_for_schools() -> TestResult {
    let app = TestApp::spawn().await?;
    let teacher = app.account(AccountRole::User, "school@example.vn").await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let school = app
        .organisation(
            &teacher,
            json!({ "kind": "school", "name": "Trường nghề thử", "licence_number": "GDNN-5" }),
        )
        .await?;
    app.json(
        "POST",
        &format!("/api/v1/organisations/{school}/verification"),
        &staff.auth(),
        &json!({ "decision": "verified" }),
    )
    .await?;
    let start = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    let course = json!({
        "kind": "course", "title": "Hàn điện cơ bản", "description": "Khóa sơ cấp hàn hồ quang tay trong tám tuần.",
        "occupation_code": "7212", "level": "so_cap", "duration_weeks": 8, "start_dates": [start],
        "seats": 30, "tuition_vnd": 0, "learner_support": ["free_for_rural"], "mode": "at_school", "certificate": "Chứng chỉ sơ cấp"
    });
    let id = app.publish(school, &teacher, &staff, &course).await?;

    let worker = app.account(AccountRole::User, "hoc@example.vn").await?;
    app.json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &profile("Vi Văn Học"),
    )
    .await?;
    let made = app
        .json(
            "POST",
            &format!("/api/v1/postings/{id}/applications"),
            &worker.auth(),
            &json!({ "share": ["full_name", "phone"] }),
        )
        .await?;
    assert_eq!(made.status, 201, "{}", made.text());
    let interested = app
        .call(
            "GET",
            &format!("/api/v1/postings/{id}/applications"),
            &teacher.auth(),
        )
        .await?
        .json();
    assert_eq!(interested["items"][0]["shared"]["full_name"], "Vi Văn Học");
    let application = made.json()["id"].as_str().unwrap_or("").to_owned();
    let moved = app
        .json(
            "POST",
            &format!("/api/v1/applications/{application}/status"),
            &teacher.auth(),
            &json!({ "status": "shortlisted" }),
        )
        .await?;
    assert_eq!(moved.status, 200);
    let by_staff = app
        .json(
            "POST",
            &format!("/api/v1/applications/{application}/status"),
            &staff.auth(),
            &json!({ "status": "hired" }),
        )
        .await?;
    assert_eq!(by_staff.status, 403, "staff look, organisations decide");
    Ok(())
}

//! The authorization matrix over HTTP: every protected endpoint, for every kind of caller,
//! gets the status the permission table (crates/domain/src/policy.rs) says.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, TEST_SECRET, TestApp, TestResult, enterprise};
use serde_json::json;

/// Callers, in the order of the columns below.
const CALLERS: [&str; 9] = [
    "anonymous",
    "worker",
    "member of A",
    "member of B",
    "staff",
    "admin",
    "key of A",
    "expired token",
    "revoked key",
];

#[actix_web::test]
async fn every_protected_endpoint_for_every_caller() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    let member_a = app.account(AccountRole::User, "a@example.vn").await?;
    let member_b = app.account(AccountRole::User, "b@example.vn").await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let admin = app.account(AccountRole::Admin, "admin@example.vn").await?;

    // A: a verified enterprise; P: a pending one of the same member; B: a verified school.
    let a = app
        .organisation(&member_a, enterprise("Doanh nghiệp A", 1))
        .await?;
    let p = app
        .organisation(&member_a, enterprise("Doanh nghiệp P", 2))
        .await?;
    let b_body = json!({ "kind": "school", "name": "Trường B", "licence_number": "GDNN-1" });
    let b = app.organisation(&member_b, b_body).await?;
    for id in [a, b] {
        let res = app
            .json(
                "POST",
                &format!("/api/v1/organisations/{id}/verification"),
                &staff.auth(),
                &json!({ "decision": "verified" }),
            )
            .await?;
        assert_eq!(res.status, 200, "{}", res.text());
    }

    let new_key = |scopes: serde_json::Value| {
        let app = &app;
        let member_a = member_a.clone();
        async move {
            let res = app
                .json(
                    "POST",
                    &format!("/api/v1/organisations/{a}/api-keys"),
                    &member_a.auth(),
                    &json!({ "name": "app", "scopes": scopes }),
                )
                .await?;
            let json = res.json();
            let key = json["key"].as_str().ok_or("no key")?.to_owned();
            let id = json["id"].as_str().ok_or("no id")?.to_owned();
            Ok::<_, Box<dyn std::error::Error>>((key, id))
        }
    };
    let (key_a, _) = new_key(json!(["postings:write"])).await?;
    let (revoked, revoked_id) = new_key(json!([])).await?;
    let res = app
        .call(
            "DELETE",
            &format!("/api/v1/organisations/{a}/api-keys/{revoked_id}"),
            &member_a.auth(),
        )
        .await?;
    assert_eq!(res.status, 204);

    // The worker's token, re-signed as issued two hours ago (so expired an hour and 45 minutes ago).
    let keys = labour_api::auth::tokens::JwtKeys::new(TEST_SECRET.as_bytes());
    let claims = keys
        .verify(&worker.access)
        .ok_or("worker token does not verify")?;
    let expired = keys.issue(
        claims.sub,
        claims.sid,
        chrono::Utc::now() - chrono::Duration::hours(2),
        900,
    );

    let callers = [
        Auth::None,
        worker.auth(),
        member_a.auth(),
        member_b.auth(),
        staff.auth(),
        admin.auth(),
        Auth::ApiKey(key_a.clone()),
        Auth::Bearer(expired),
        Auth::ApiKey(revoked),
    ];

    let draft = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{a}/postings"),
            &member_a.auth(),
            &labour_tests::job("Thợ hàn"),
        )
        .await?
        .json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // The worker applies to a published job of A: the matrix moves that application.
    let job = app
        .publish(a, &member_a, &staff, &labour_tests::job("Thợ hàn điện"))
        .await?;
    let profile = json!({
        "full_name": "Lan", "birth_year": 1998, "gender": "female", "commune_code": "06463",
        "phone": "0912345678", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "it_skills": "basic", "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    });
    app.json("PUT", "/api/v1/me/profile", &worker.auth(), &profile)
        .await?;
    let application = app
        .json(
            "POST",
            &format!("/api/v1/postings/{job}/applications"),
            &worker.auth(),
            &json!({ "share": ["full_name"] }),
        )
        .await?
        .json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // method, path, body, expected status per caller (columns as in CALLERS).
    let mut n = 100;
    let rows: Vec<(&str, String, Option<serde_json::Value>, [u16; 9])> = vec![
        (
            "GET",
            "/api/v1/me".into(),
            None,
            [401, 200, 200, 200, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/organisations?verification=pending".into(),
            None,
            [401, 403, 403, 403, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/organisations/{a}"),
            None,
            [200, 200, 200, 200, 200, 200, 200, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/organisations/{p}"),
            None,
            [404, 404, 200, 404, 200, 200, 404, 401, 401],
        ),
        (
            "POST",
            format!("/api/v1/organisations/{a}/verification"),
            Some(json!({ "decision": "verified" })),
            [401, 403, 403, 403, 200, 200, 403, 401, 401],
        ),
        (
            "POST",
            format!("/api/v1/organisations/{p}/verification"),
            Some(json!({ "decision": "refused", "reason": "Sai mã số thuế" })),
            [404, 404, 403, 404, 200, 200, 404, 401, 401],
        ),
        (
            "POST",
            format!("/api/v1/organisations/{a}/api-keys"),
            Some(json!({ "name": "app" })),
            [401, 404, 201, 404, 201, 201, 403, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/organisations/{a}/api-keys"),
            None,
            [401, 404, 200, 404, 200, 200, 403, 401, 401],
        ),
        (
            "DELETE",
            format!("/api/v1/organisations/{a}/api-keys/{{fresh}}"),
            None,
            [401, 404, 204, 404, 204, 204, 403, 401, 401],
        ),
        (
            "POST",
            "/api/v1/staff".into(),
            Some(
                json!({ "email": "new.staff@example.vn", "password": "mật khẩu mới 1", "display_name": "Cán bộ" }),
            ),
            [401, 403, 403, 403, 403, 201, 403, 401, 401],
        ),
        (
            "PUT",
            "/api/v1/me/password".into(),
            Some(
                json!({ "current_password": "not the password", "new_password": "mật khẩu mới 1" }),
            ),
            [401, 422, 422, 422, 422, 422, 403, 401, 401],
        ),
        (
            "POST",
            "/api/v1/password-reset-codes".into(),
            Some(json!({ "phone": "0911111111" })),
            [401, 403, 403, 403, 404, 404, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/moderation/queue".into(),
            None,
            [401, 403, 403, 403, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/my/postings".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200, 401, 401],
        ),
        (
            "POST",
            format!("/api/v1/organisations/{a}/postings"),
            Some(labour_tests::job("Thợ hàn điện tại KCN")),
            [401, 404, 201, 404, 403, 403, 201, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/postings/{draft}/candidates"),
            None,
            [401, 404, 200, 404, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/me/saved-searches".into(),
            None,
            [401, 200, 200, 200, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/me/notifications".into(),
            None,
            [401, 200, 200, 200, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/statistics/matching".into(),
            None,
            [401, 403, 403, 403, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/statistics/search-demand".into(),
            None,
            [401, 403, 403, 403, 200, 200, 403, 401, 401],
        ),
        (
            "PUT",
            "/api/v1/kpis/trained_share/2025".into(),
            Some(json!({ "value": 60.0, "source": "Niên giám thống kê" })),
            [401, 403, 403, 403, 204, 204, 403, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/organisations/{a}/members"),
            None,
            [401, 404, 200, 404, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            format!("/api/v1/organisations/{a}/declarations"),
            None,
            [401, 404, 200, 404, 200, 200, 403, 401, 401],
        ),
        (
            "GET",
            "/api/v1/declaration-years/2025/missing".into(),
            None,
            [401, 403, 403, 403, 404, 404, 403, 401, 401],
        ),
        // The enterprise moves an application on (once: it is then shortlisted); the worker
        // does not; staff look but do not move.
        (
            "POST",
            format!("/api/v1/applications/{application}/status"),
            Some(json!({ "status": "shortlisted" })),
            [401, 403, 200, 404, 403, 403, 404, 401, 401],
        ),
        // The worker withdraws (once); nobody else may.
        (
            "POST",
            format!("/api/v1/applications/{application}/status"),
            Some(json!({ "status": "withdrawn" })),
            [401, 200, 403, 404, 403, 403, 404, 401, 401],
        ),
        // Last: registering makes the caller a member, which changes their roles.
        (
            "POST",
            "/api/v1/organisations".into(),
            None,
            [401, 201, 201, 201, 403, 403, 403, 401, 401],
        ),
    ];

    let mut failures = Vec::new();
    for (method, path, body, expected) in rows {
        for ((caller, auth), want) in CALLERS.iter().zip(&callers).zip(expected) {
            // Each delete gets a key of its own; each registration a tax code of its own.
            let path = if path.contains("{fresh}") {
                path.replace("{fresh}", &new_key(json!([])).await?.1)
            } else {
                path.clone()
            };
            let body = match (&body, path.as_str()) {
                (None, "/api/v1/organisations") => {
                    n += 1;
                    Some(enterprise(&format!("Doanh nghiệp {n}"), n))
                }
                (b, _) => b.clone(),
            };
            let res = match &body {
                Some(b) => app.json(method, &path, auth, b).await?,
                None => app.call(method, &path, auth).await?,
            };
            if res.status != want {
                failures.push(format!(
                    "{method} {path} as {caller}: {} (expected {want}) {}",
                    res.status,
                    res.text()
                ));
            }
            if res.status >= 400 {
                assert_eq!(
                    res.header("content-type"),
                    Some("application/problem+json"),
                    "{method} {path} as {caller}"
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

/// An id that exists but is not the caller's gets exactly the answer an id that does not exist
/// gets, for every caller: status and code alike, so no answer tells the two apart.
#[actix_web::test]
async fn not_yours_and_does_not_exist_look_alike() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (a, member_a) = labour_tests::verified_enterprise(&app, "a@example.vn", 71).await?;
    let (b, member_b) = labour_tests::verified_enterprise(&app, "b@example.vn", 72).await?;
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    let pending = app
        .organisation(&member_a, enterprise("Doanh nghiệp chờ", 73))
        .await?;
    let key_b = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{b}/api-keys"),
            &member_b.auth(),
            &json!({ "name": "app", "scopes": ["postings:write"] }),
        )
        .await?
        .json()["key"]
        .as_str()
        .ok_or("no key")?
        .to_owned();
    let draft = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{a}/postings"),
            &member_a.auth(),
            &labour_tests::job("Thợ hàn"),
        )
        .await?
        .json()["id"]
        .as_str()
        .ok_or("no draft")?
        .to_owned();
    let job = app
        .publish(a, &member_a, &staff, &labour_tests::job("Thợ hàn điện"))
        .await?;
    let applicant = app.account(AccountRole::User, "lan@example.vn").await?;
    let profile = json!({
        "full_name": "Lan", "birth_year": 1998, "gender": "female", "commune_code": "06463",
        "phone": "0912345678", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "it_skills": "basic", "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    });
    let res = app
        .json("PUT", "/api/v1/me/profile", &applicant.auth(), &profile)
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let application = app
        .json(
            "POST",
            &format!("/api/v1/postings/{job}/applications"),
            &applicant.auth(),
            &json!({ "share": ["full_name"] }),
        )
        .await?
        .json()["id"]
        .as_str()
        .ok_or("no application")?
        .to_owned();

    let callers = [
        ("anonymous", Auth::None),
        ("worker", worker.auth()),
        ("member of another enterprise", member_b.auth()),
        ("another organisation's key", Auth::ApiKey(key_b)),
    ];
    let random = uuid::Uuid::now_v7().to_string();
    // method, path with {id}, the existing id, body.
    let rows: Vec<(&str, &str, String, Option<serde_json::Value>)> = vec![
        (
            "GET",
            "/api/v1/organisations/{id}",
            pending.to_string(),
            None,
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/api-keys",
            pending.to_string(),
            None,
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/api-keys",
            a.to_string(),
            None,
        ),
        (
            "POST",
            "/api/v1/organisations/{id}/api-keys",
            a.to_string(),
            Some(json!({ "name": "x" })),
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/members",
            a.to_string(),
            None,
        ),
        (
            "POST",
            "/api/v1/organisations/{id}/members",
            a.to_string(),
            Some(json!({ "identifier": "worker@example.vn" })),
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/declarations",
            pending.to_string(),
            None,
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/declarations",
            a.to_string(),
            None,
        ),
        (
            "GET",
            "/api/v1/organisations/{id}/declarations/2025",
            a.to_string(),
            None,
        ),
        (
            "POST",
            "/api/v1/organisations/{id}/postings",
            pending.to_string(),
            Some(labour_tests::job("Thợ hàn")),
        ),
        (
            "POST",
            "/api/v1/organisations/{id}/verification",
            pending.to_string(),
            Some(json!({ "decision": "verified" })),
        ),
        ("GET", "/api/v1/postings/{id}", draft.clone(), None),
        ("GET", "/api/v1/postings/{id}/jsonld", draft.clone(), None),
        ("GET", "/api/v1/postings/{id}/history", draft.clone(), None),
        (
            "GET",
            "/api/v1/postings/{id}/applications",
            draft.clone(),
            None,
        ),
        (
            "GET",
            "/api/v1/postings/{id}/candidates",
            draft.clone(),
            None,
        ),
        ("GET", "/api/v1/postings/{id}/offers", draft.clone(), None),
        ("POST", "/api/v1/postings/{id}/submit", draft.clone(), None),
        ("POST", "/api/v1/postings/{id}/close", draft.clone(), None),
        (
            "POST",
            "/api/v1/postings/{id}/reports",
            draft.clone(),
            Some(json!({ "reason": "scam" })),
        ),
        ("POST", "/api/v1/postings/{id}/approve", draft.clone(), None),
        (
            "POST",
            "/api/v1/applications/{id}/status",
            application.clone(),
            Some(json!({ "status": "shortlisted" })),
        ),
        ("POST", "/api/v1/offers/{id}/accept", random.clone(), None),
    ];
    let mut failures = Vec::new();
    for (method, path, existing, body) in &rows {
        for (caller, auth) in &callers {
            let mut answers = Vec::new();
            for id in [existing, &random] {
                let path = path.replace("{id}", id);
                let res = match body {
                    Some(b) => app.json(method, &path, auth, b).await?,
                    None => app.call(method, &path, auth).await?,
                };
                answers.push((res.status, res.json()["code"].clone()));
            }
            if answers[0] != answers[1] {
                failures.push(format!(
                    "{method} {path} as {caller}: existing {:?}, random {:?}",
                    answers[0], answers[1]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} oracles:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

/// A course may answer only a published training need and name only a verified partner: a
/// stranger's draft need or a pending organisation is refused like an id that does not exist.
#[actix_web::test]
async fn a_course_names_only_public_needs_and_verified_partners() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (a, member_a) = labour_tests::verified_enterprise(&app, "a@example.vn", 74).await?;
    let pending = app
        .organisation(&member_a, enterprise("Doanh nghiệp chờ", 75))
        .await?;
    let (school, teacher) =
        labour_tests::verified_school(&app, "school@example.vn", &staff).await?;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
    let need = json!({
        "kind": "training_need", "title": "Đào tạo lại thợ điện công nghiệp",
        "description": "Đào tạo lại 20 công nhân điện về tủ điện điều khiển PLC.",
        "occupation_code": "7412", "level": "so_cap", "trainees": 20, "purpose": "retraining",
        "period_start": start.to_string(), "period_end": (start + chrono::Duration::days(60)).to_string(),
        "place": "at_enterprise", "commits_to_hire": true, "paid_by": "enterprise"
    });
    let draft_need = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{a}/postings"),
            &member_a.auth(),
            &need,
        )
        .await?
        .json()["id"]
        .as_str()
        .ok_or("no need")?
        .to_owned();
    let public_need = app.publish(a, &member_a, &staff, &need).await?;
    let post = |field: &'static str, value: String| {
        let app = &app;
        let teacher = teacher.clone();
        async move {
            let mut body = labour_tests::course("Điện công nghiệp", "7412", "so_cap", 30);
            body[field] = json!(value);
            let res = app
                .json(
                    "POST",
                    &format!("/api/v1/organisations/{school}/postings"),
                    &teacher.auth(),
                    &body,
                )
                .await?;
            Ok::<_, Box<dyn std::error::Error>>((
                res.status,
                res.json()["errors"][0]["field"].clone(),
            ))
        }
    };
    let random = uuid::Uuid::now_v7().to_string();
    for field in ["answers_need_id", "partner_organisation_id"] {
        let refused = post(field, random.clone()).await?;
        assert_eq!(refused, (422, json!(field)));
        let hidden = if field == "answers_need_id" {
            draft_need.clone()
        } else {
            pending.to_string()
        };
        assert_eq!(post(field, hidden).await?, refused, "{field}");
    }
    assert_eq!(post("answers_need_id", public_need).await?.0, 201);
    assert_eq!(post("partner_organisation_id", a.to_string()).await?.0, 201);
    Ok(())
}

//! Every write a person or app makes leaves exactly its audit events, and a refused one leaves
//! none: one journey through every write endpoint, each step checked against the audit log.
//! A use case that writes without its audit row (or records one for a write that did not
//! happen) fails here.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, PASSWORD, TestApp, TestResponse, TestResult, enterprise, job};
use serde_json::{Value, json};

type Error = Box<dyn std::error::Error>;

/// What a refused request adds to the audit log: nothing.
const REFUSED: &[&str] = &[];

/// The journey so far: the app, and every step whose audit events were not the expected ones
/// (collected, so one run lists every mismatch).
struct Journey<'a> {
    app: &'a TestApp,
    wrong: Vec<String>,
}

impl Journey<'_> {
    /// Sends one request and checks its status and the audit actions it added, in order.
    async fn step(
        &mut self,
        auth: &Auth,
        (method, path): (&str, &str),
        body: Option<&Value>,
        headers: &[(&str, &str)],
        status: u16,
        actions: &[&str],
    ) -> Result<TestResponse, Error> {
        let app = self.app;
        let before = app.audit().await?.len();
        let res = match body {
            Some(b) => app.send_json(method, path, auth, headers, b).await?,
            None => app.call(method, path, auth).await?,
        };
        assert_eq!(res.status, status, "{method} {path}: {}", res.text());
        let added: Vec<String> = app
            .audit()
            .await?
            .into_iter()
            .skip(before)
            .map(|row| row.action)
            .collect();
        if added != actions {
            self.wrong
                .push(format!("{method} {path}: {added:?}, expected {actions:?}"));
        }
        Ok(res)
    }
}

fn id(res: &TestResponse) -> Result<String, Error> {
    Ok(res.json()["id"].as_str().ok_or("no id")?.to_owned())
}

fn profile() -> Value {
    json!({
        "full_name": "Lan", "birth_year": 1998, "gender": "female", "commune_code": "06463",
        "phone": "0912345678", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "it_skills": "basic", "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    })
}

fn declaration() -> Value {
    json!({
        "workforce": [
            { "occupation_group": "co_khi", "level": "so_cap", "workers": 20, "ethnic_minority": 4, "with_it_skills": 10 }
        ],
        "planned_recruitment": [{ "occupation_code": "7212", "level": "so_cap", "headcount": 15 }],
        "training_needs": []
    })
}

#[actix_web::test]
async fn every_write_leaves_exactly_its_audit_events_and_a_refused_one_none() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let admin = app.account(AccountRole::Admin, "admin@example.vn").await?;
    let hr = app.account(AccountRole::User, "hr@example.vn").await?;
    let teacher = app.account(AccountRole::User, "school@example.vn").await?;
    let none = Auth::None;
    let mut j = Journey {
        app: &app,
        wrong: Vec::new(),
    };

    // A worker signs up, signs in (and fails once), refreshes the token.
    let sign_up = json!({ "phone": "0987654321", "password": PASSWORD, "display_name": "Lan" });
    j.step(
        &none,
        ("POST", "/api/v1/accounts"),
        Some(&sign_up),
        &[],
        202,
        &["account_created"],
    )
    .await?;
    let bad_password = json!({ "identifier": "0987654321", "password": "not the password" });
    j.step(
        &none,
        ("POST", "/api/v1/sessions"),
        Some(&bad_password),
        &[],
        401,
        &["login_failed"],
    )
    .await?;
    let right = json!({ "identifier": "0987654321", "password": PASSWORD });
    let signed = j
        .step(
            &none,
            ("POST", "/api/v1/sessions"),
            Some(&right),
            &[],
            200,
            &["login_ok"],
        )
        .await?;
    let refresh = json!({ "refresh_token": signed.json()["refresh_token"] });
    let refreshed = j
        .step(
            &none,
            ("POST", "/api/v1/sessions/refresh"),
            Some(&refresh),
            &[],
            200,
            &["token_refreshed"],
        )
        .await?;
    let worker = Auth::Bearer(
        refreshed.json()["access_token"]
            .as_str()
            .ok_or("no token")?
            .to_owned(),
    );
    let worker_refresh = refreshed.json()["refresh_token"].clone();
    j.step(
        &worker,
        ("PUT", "/api/v1/me/profile"),
        Some(&profile()),
        &[],
        200,
        &["profile_saved"],
    )
    .await?;
    let mut bad = profile();
    bad["birth_year"] = json!(1800);
    j.step(
        &worker,
        ("PUT", "/api/v1/me/profile"),
        Some(&bad),
        &[],
        422,
        REFUSED,
    )
    .await?;

    // An enterprise registers; staff verify it; it mints and revokes a key.
    let factory = id(&j
        .step(
            &hr.auth(),
            ("POST", "/api/v1/organisations"),
            Some(&enterprise("Nhà máy A", 5)),
            &[],
            201,
            &["organisation_registered"],
        )
        .await?)?;
    let verified = json!({ "decision": "verified" });
    let verify = format!("/api/v1/organisations/{factory}/verification");
    j.step(
        &hr.auth(),
        ("POST", &verify),
        Some(&verified),
        &[],
        403,
        REFUSED,
    )
    .await?;
    j.step(
        &staff.auth(),
        ("POST", &verify),
        Some(&verified),
        &[],
        200,
        &["organisation_verified"],
    )
    .await?;
    let keys = format!("/api/v1/organisations/{factory}/api-keys");
    let key = id(&j
        .step(
            &hr.auth(),
            ("POST", &keys),
            Some(&json!({ "name": "app" })),
            &[],
            201,
            &["api_key_created"],
        )
        .await?)?;
    j.step(
        &worker,
        ("DELETE", &format!("{keys}/{key}")),
        None,
        &[],
        404,
        REFUSED,
    )
    .await?;
    j.step(
        &hr.auth(),
        ("DELETE", &format!("{keys}/{key}")),
        None,
        &[],
        204,
        &["api_key_revoked"],
    )
    .await?;

    // A job through review: created, edited, submitted, rejected, edited, approved.
    let postings = format!("/api/v1/organisations/{factory}/postings");
    j.step(
        &worker,
        ("POST", &postings),
        Some(&job("Thợ hàn")),
        &[],
        404,
        REFUSED,
    )
    .await?;
    let posting = id(&j
        .step(
            &hr.auth(),
            ("POST", &postings),
            Some(&job("Thợ hàn")),
            &[],
            201,
            &["posting_create"],
        )
        .await?)?;
    let path = format!("/api/v1/postings/{posting}");
    let etag = app
        .call("GET", &path, &hr.auth())
        .await?
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    j.step(
        &hr.auth(),
        ("PUT", &path),
        Some(&job("Thợ hàn điện")),
        &[("if-match", &etag)],
        200,
        &["posting_edit"],
    )
    .await?;
    j.step(
        &hr.auth(),
        ("POST", &format!("{path}/submit")),
        None,
        &[],
        200,
        &["posting_submit"],
    )
    .await?;
    j.step(
        &hr.auth(),
        ("POST", &format!("{path}/approve")),
        None,
        &[],
        403,
        REFUSED,
    )
    .await?;
    let reason = json!({ "reason": "Thiếu địa chỉ làm việc" });
    j.step(
        &staff.auth(),
        ("POST", &format!("{path}/reject")),
        Some(&reason),
        &[],
        200,
        &["posting_reject"],
    )
    .await?;
    // An edit sends a rejected posting back to review.
    let etag = app
        .call("GET", &path, &hr.auth())
        .await?
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    j.step(
        &hr.auth(),
        ("PUT", &path),
        Some(&job("Thợ hàn điện, KCN Đồng Bành")),
        &[("if-match", &etag)],
        200,
        &["posting_edit"],
    )
    .await?;
    j.step(
        &staff.auth(),
        ("POST", &format!("{path}/approve")),
        None,
        &[],
        200,
        &["posting_approve"],
    )
    .await?;

    // The worker reports it and applies; the enterprise shortlists; staff read the profile.
    let report = json!({ "reason": "wrong_information", "note": "Sai địa chỉ" });
    j.step(
        &none,
        ("POST", &format!("{path}/reports")),
        Some(&report),
        &[],
        401,
        REFUSED,
    )
    .await?;
    j.step(
        &worker,
        ("POST", &format!("{path}/reports")),
        Some(&report),
        &[],
        202,
        &["posting_reported"],
    )
    .await?;
    let apply = json!({ "share": ["full_name"] });
    j.step(
        &none,
        ("POST", &format!("{path}/applications")),
        Some(&apply),
        &[],
        401,
        REFUSED,
    )
    .await?;
    let application = id(&j
        .step(
            &worker,
            ("POST", &format!("{path}/applications")),
            Some(&apply),
            &[],
            201,
            &["application_made"],
        )
        .await?)?;
    let status = format!("/api/v1/applications/{application}/status");
    let shortlist = json!({ "status": "shortlisted" });
    j.step(
        &worker,
        ("POST", &status),
        Some(&shortlist),
        &[],
        403,
        REFUSED,
    )
    .await?;
    j.step(
        &hr.auth(),
        ("POST", &status),
        Some(&shortlist),
        &[],
        200,
        &["application_status"],
    )
    .await?;
    let me = app.call("GET", "/api/v1/me", &worker).await?.json();
    let worker_id = me["id"].as_str().ok_or("no id")?;
    j.step(
        &staff.auth(),
        ("GET", &format!("/api/v1/workers/{worker_id}/profile")),
        None,
        &[],
        200,
        &["profile_read"],
    )
    .await?;

    // A school answers a training need; the enterprise accepts the offer.
    let school_body =
        json!({ "kind": "school", "name": "Trường nghề B", "licence_number": "GDNN-2" });
    let school = id(&j
        .step(
            &teacher.auth(),
            ("POST", "/api/v1/organisations"),
            Some(&school_body),
            &[],
            201,
            &["organisation_registered"],
        )
        .await?)?;
    j.step(
        &staff.auth(),
        (
            "POST",
            &format!("/api/v1/organisations/{school}/verification"),
        ),
        Some(&verified),
        &[],
        200,
        &["organisation_verified"],
    )
    .await?;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
    let need = json!({
        "kind": "training_need", "title": "Đào tạo lại thợ điện công nghiệp",
        "description": "Đào tạo lại 20 công nhân điện về tủ điện điều khiển PLC.",
        "occupation_code": "7412", "level": "so_cap", "trainees": 20, "purpose": "retraining",
        "period_start": start.to_string(), "period_end": (start + chrono::Duration::days(60)).to_string(),
        "place": "at_enterprise", "commits_to_hire": true, "paid_by": "enterprise"
    });
    let need = app.publish(factory.parse()?, &hr, &staff, &need).await?;
    let offer = json!({ "school_id": school, "proposal": "Khóa sơ cấp 8 tuần tại doanh nghiệp." });
    let offers = format!("/api/v1/postings/{need}/offers");
    j.step(
        &hr.auth(),
        ("POST", &offers),
        Some(&offer),
        &[],
        403,
        REFUSED,
    )
    .await?;
    let offer = id(&j
        .step(
            &teacher.auth(),
            ("POST", &offers),
            Some(&offer),
            &[],
            201,
            &["offer_made"],
        )
        .await?)?;
    let accept = format!("/api/v1/offers/{offer}/accept");
    j.step(&teacher.auth(), ("POST", &accept), None, &[], 404, REFUSED)
        .await?;
    j.step(
        &hr.auth(),
        ("POST", &accept),
        None,
        &[],
        200,
        &["offer_accepted"],
    )
    .await?;

    // The job is closed; staff remove the need.
    j.step(
        &hr.auth(),
        ("POST", &format!("{path}/close")),
        None,
        &[],
        200,
        &["posting_close"],
    )
    .await?;
    let removal = json!({ "reason": "Tin trùng lặp" });
    j.step(
        &staff.auth(),
        ("POST", &format!("/api/v1/postings/{need}/remove")),
        Some(&removal),
        &[],
        200,
        &["posting_remove"],
    )
    .await?;

    // Staff and admins: a staff account, a declaration year, reminders, an indicator value.
    let new_staff = json!({ "email": "new.staff@example.vn", "password": "mật khẩu mới 1", "display_name": "Cán bộ" });
    j.step(
        &staff.auth(),
        ("POST", "/api/v1/staff"),
        Some(&new_staff),
        &[],
        403,
        REFUSED,
    )
    .await?;
    j.step(
        &admin.auth(),
        ("POST", "/api/v1/staff"),
        Some(&new_staff),
        &[],
        201,
        &["role_granted"],
    )
    .await?;
    let year = json!({ "year": 2026 });
    j.step(
        &hr.auth(),
        ("POST", "/api/v1/declaration-years"),
        Some(&year),
        &[],
        403,
        REFUSED,
    )
    .await?;
    j.step(
        &staff.auth(),
        ("POST", "/api/v1/declaration-years"),
        Some(&year),
        &[],
        201,
        &["declaration_year_opened"],
    )
    .await?;
    let declare = format!("/api/v1/organisations/{factory}/declarations/2026");
    j.step(
        &teacher.auth(),
        ("PUT", &declare),
        Some(&declaration()),
        &[],
        404,
        REFUSED,
    )
    .await?;
    j.step(
        &hr.auth(),
        ("PUT", &declare),
        Some(&declaration()),
        &[],
        200,
        &["declaration_saved"],
    )
    .await?;
    j.step(
        &staff.auth(),
        ("POST", "/api/v1/declaration-years/2026/reminders"),
        None,
        &[],
        200,
        &["declarations_reminded"],
    )
    .await?;
    j.step(
        &staff.auth(),
        ("POST", "/api/v1/declaration-years/2026/close"),
        None,
        &[],
        200,
        &["declaration_year_closed"],
    )
    .await?;
    let value = json!({ "value": 60.0, "source": "Niên giám thống kê" });
    j.step(
        &hr.auth(),
        ("PUT", "/api/v1/kpis/trained_share/2025"),
        Some(&value),
        &[],
        403,
        REFUSED,
    )
    .await?;
    j.step(
        &staff.auth(),
        ("PUT", "/api/v1/kpis/trained_share/2025"),
        Some(&value),
        &[],
        204,
        &["kpi_value_entered"],
    )
    .await?;

    // The worker's own settings: a saved search, notifications read; then signs out.
    let search = json!({ "name": "Thợ hàn", "query": { "q": "tho han" } });
    let saved = id(&j
        .step(
            &worker,
            ("POST", "/api/v1/me/saved-searches"),
            Some(&search),
            &[],
            201,
            &["saved_search_created"],
        )
        .await?)?;
    j.step(
        &hr.auth(),
        ("DELETE", &format!("/api/v1/me/saved-searches/{saved}")),
        None,
        &[],
        404,
        REFUSED,
    )
    .await?;
    j.step(
        &worker,
        ("DELETE", &format!("/api/v1/me/saved-searches/{saved}")),
        None,
        &[],
        204,
        &["saved_search_deleted"],
    )
    .await?;
    j.step(
        &worker,
        ("POST", "/api/v1/me/notifications/read"),
        Some(&json!({})),
        &[],
        200,
        &["notifications_read"],
    )
    .await?;
    // The one-click link of the digest, signed as the digest signs it.
    let link = labour_app::jobs::digest::UnsubscribeKeys::new(labour_tests::TEST_SECRET.as_bytes())
        .token(worker_id.parse()?);
    j.step(
        &none,
        ("POST", &format!("/api/v1/unsubscribe?token={link}x")),
        None,
        &[],
        422,
        REFUSED,
    )
    .await?;
    j.step(
        &none,
        ("POST", &format!("/api/v1/unsubscribe?token={link}")),
        None,
        &[],
        200,
        &["digest_unsubscribed"],
    )
    .await?;
    let revoke = json!({ "refresh_token": worker_refresh });
    j.step(
        &worker,
        ("POST", "/api/v1/sessions/revoke"),
        Some(&revoke),
        &[],
        204,
        &["logout"],
    )
    .await?;

    // Passwords: the worker (signed out above) gets a code from staff and sets a new password;
    // another person changes theirs; a reset email is asked for (known or not, the same row).
    let code_for = json!({ "phone": "0987654321" });
    j.step(
        &hr.auth(),
        ("POST", "/api/v1/password-reset-codes"),
        Some(&code_for),
        &[],
        403,
        REFUSED,
    )
    .await?;
    let code = j
        .step(
            &staff.auth(),
            ("POST", "/api/v1/password-reset-codes"),
            Some(&code_for),
            &[],
            201,
            &["password_reset_code_issued"],
        )
        .await?
        .json()["code"]
        .clone();
    let wrong_code =
        json!({ "phone": "0987654321", "code": "AAAAA-AAAAA", "new_password": "mật khẩu mới 1" });
    j.step(
        &none,
        ("POST", "/api/v1/password-resets/confirm"),
        Some(&wrong_code),
        &[],
        401,
        REFUSED,
    )
    .await?;
    let with_code =
        json!({ "phone": "0987654321", "code": code, "new_password": "mật khẩu mới 1" });
    j.step(
        &none,
        ("POST", "/api/v1/password-resets/confirm"),
        Some(&with_code),
        &[],
        204,
        &["password_reset"],
    )
    .await?;
    let changing = app
        .account(AccountRole::User, "changing@example.vn")
        .await?;
    let wrong = json!({ "current_password": "not the password", "new_password": "mật khẩu mới 1" });
    j.step(
        &changing.auth(),
        ("PUT", "/api/v1/me/password"),
        Some(&wrong),
        &[],
        422,
        REFUSED,
    )
    .await?;
    let change = json!({ "current_password": PASSWORD, "new_password": "mật khẩu mới 1" });
    j.step(
        &changing.auth(),
        ("PUT", "/api/v1/me/password"),
        Some(&change),
        &[],
        204,
        &["password_changed"],
    )
    .await?;
    for email in ["changing@example.vn", "nobody@example.vn"] {
        j.step(
            &none,
            ("POST", "/api/v1/password-resets"),
            Some(&json!({ "email": email })),
            &[],
            202,
            &["password_reset_requested"],
        )
        .await?;
    }
    j.step(
        &none,
        ("POST", "/api/v1/password-resets"),
        Some(&json!({ "email": "not an email" })),
        &[],
        422,
        REFUSED,
    )
    .await?;

    // A worker deletes their account.
    let leaving = app.account(AccountRole::User, "leaving@example.vn").await?;
    j.step(
        &leaving.auth(),
        ("DELETE", "/api/v1/me"),
        None,
        &[],
        204,
        &["account_deleted"],
    )
    .await?;
    assert!(j.wrong.is_empty(), "audit events:\n{}", j.wrong.join("\n"));
    Ok(())
}

//! Sign-up, sign-in, tokens, sign-out, rate limits and the audit trail.

use labour_store::accounts::AccountRole;
use labour_store::test_db::TestDb;
use labour_tests::{Auth, PASSWORD, TestApp, TestResult};
use serde_json::json;

#[actix_web::test]
async fn a_worker_signs_up_signs_in_and_sees_themself() -> TestResult {
    let app = TestApp::spawn().await?;
    let body =
        json!({ "phone": "0912 345 678", "password": PASSWORD, "display_name": "Hoàng Thị Lan" });
    let res = app
        .json("POST", "/api/v1/accounts", &Auth::None, &body)
        .await?;
    assert_eq!(
        (res.status, res.json()),
        (202, json!({ "status": "accepted" }))
    );

    let session = app.login("+84912345678", PASSWORD).await?;
    let me = app.call("GET", "/api/v1/me", &session.auth()).await?;
    assert_eq!(me.status, 200);
    let me = me.json();
    assert_eq!(me["phone"], "+84912345678");
    assert_eq!(me["display_name"], "Hoàng Thị Lan");
    assert_eq!(me["roles"], json!(["worker"]));
    assert!(
        !me.to_string().contains("argon2"),
        "no password hash in responses"
    );
    Ok(())
}

#[actix_web::test]
async fn sign_up_and_sign_in_do_not_tell_who_has_an_account() -> TestResult {
    let app = TestApp::spawn().await?;
    let body = json!({ "email": "lan@example.vn", "password": PASSWORD, "display_name": "Lan" });
    let first = app
        .json("POST", "/api/v1/accounts", &Auth::None, &body)
        .await?;
    let again = app
        .json("POST", "/api/v1/accounts", &Auth::None, &body)
        .await?;
    assert_eq!(
        (first.status, first.body.clone()),
        (again.status, again.body.clone())
    );

    let attempt = |identifier: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.json(
                "POST",
                "/api/v1/sessions",
                &Auth::None,
                &json!({ "identifier": identifier, "password": password }),
            )
            .await
        }
    };
    let wrong_password = attempt("lan@example.vn", "not the password").await?;
    let unknown = attempt("nobody@example.vn", "not the password").await?;
    for res in [&wrong_password, &unknown] {
        assert_eq!(res.status, 401);
        assert_eq!(res.json()["code"], "invalid_credentials");
    }
    let strip = |v: serde_json::Value| json!({ "title": v["title"], "detail": v["detail"], "code": v["code"] });
    assert_eq!(strip(wrong_password.json()), strip(unknown.json()));
    Ok(())
}

#[actix_web::test]
async fn bad_sign_up_input_is_listed_field_by_field() -> TestResult {
    let app = TestApp::spawn().await?;
    let body = json!({ "email": "a@b.vn", "phone": "0912345678", "password": "short", "display_name": " " });
    let res = app
        .json("POST", "/api/v1/accounts", &Auth::None, &body)
        .await?;
    assert_eq!(res.status, 422);
    let codes: Vec<_> = res.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["code"].clone())
        .collect();
    assert_eq!(
        codes,
        vec!["email_or_phone", "password_too_short", "name_length"]
    );

    let res = app
        .json(
            "POST",
            "/api/v1/sessions",
            &Auth::None,
            &json!({ "identifier": "hello", "password": "x" }),
        )
        .await?;
    assert_eq!(
        (res.status, res.json()["errors"][0]["code"].clone()),
        (422, json!("identifier_format"))
    );
    Ok(())
}

#[actix_web::test]
async fn a_stolen_refresh_token_used_after_its_owner_refreshed_signs_the_owner_out_everywhere()
-> TestResult {
    let app = TestApp::spawn().await?;
    let phone = app.account(AccountRole::User, "an@example.vn").await?;
    let laptop = app.login("an@example.vn", PASSWORD).await?;

    // The owner refreshes on the phone; the old refresh token was copied by a thief.
    let refreshed = app
        .json(
            "POST",
            "/api/v1/sessions/refresh",
            &Auth::None,
            &json!({ "refresh_token": phone.refresh }),
        )
        .await?;
    assert_eq!(refreshed.status, 200);
    let new_refresh = refreshed.json()["refresh_token"]
        .as_str()
        .ok_or("no token")?
        .to_owned();
    let new_access = refreshed.json()["access_token"]
        .as_str()
        .ok_or("no token")?
        .to_owned();
    assert_ne!(new_refresh, phone.refresh);
    assert_eq!(
        app.call("GET", "/api/v1/me", &Auth::Bearer(new_access.clone()))
            .await?
            .status,
        200
    );

    let thief = app
        .json(
            "POST",
            "/api/v1/sessions/refresh",
            &Auth::None,
            &json!({ "refresh_token": phone.refresh }),
        )
        .await?;
    assert_eq!(
        (thief.status, thief.json()["code"].clone()),
        (401, json!("invalid_refresh_token"))
    );

    // Every session of the account is over: refresh tokens and access tokens alike.
    let owner = app
        .json(
            "POST",
            "/api/v1/sessions/refresh",
            &Auth::None,
            &json!({ "refresh_token": new_refresh }),
        )
        .await?;
    assert_eq!(owner.status, 401);
    let other = app
        .json(
            "POST",
            "/api/v1/sessions/refresh",
            &Auth::None,
            &json!({ "refresh_token": laptop.refresh }),
        )
        .await?;
    assert_eq!(other.status, 401);
    for access in [new_access, laptop.access, phone.access] {
        let me = app.call("GET", "/api/v1/me", &Auth::Bearer(access)).await?;
        assert_eq!(
            (me.status, me.json()["code"].clone()),
            (401, json!("invalid_token"))
        );
    }
    // Signing in again works.
    assert!(app.login("an@example.vn", PASSWORD).await.is_ok());
    assert!(
        app.audit()
            .await?
            .iter()
            .any(|e| e.action == "refresh_token_reused")
    );
    Ok(())
}

#[actix_web::test]
async fn signing_out_ends_that_session_only() -> TestResult {
    let app = TestApp::spawn().await?;
    let one = app.account(AccountRole::User, "binh@example.vn").await?;
    let two = app.login("binh@example.vn", PASSWORD).await?;
    let res = app
        .json(
            "POST",
            "/api/v1/sessions/revoke",
            &one.auth(),
            &json!({ "refresh_token": one.refresh }),
        )
        .await?;
    assert_eq!(res.status, 204);
    assert_eq!(
        app.call("GET", "/api/v1/me", &one.auth()).await?.status,
        401
    );
    let refresh = app
        .json(
            "POST",
            "/api/v1/sessions/refresh",
            &Auth::None,
            &json!({ "refresh_token": one.refresh }),
        )
        .await?;
    assert_eq!(refresh.status, 401);
    assert_eq!(
        app.call("GET", "/api/v1/me", &two.auth()).await?.status,
        200
    );
    // An unknown token gets the same 204.
    let res = app
        .json(
            "POST",
            "/api/v1/sessions/revoke",
            &Auth::None,
            &json!({ "refresh_token": "nonsense" }),
        )
        .await?;
    assert_eq!(res.status, 204);
    Ok(())
}

#[actix_web::test]
async fn failed_sign_ins_are_limited_per_account_and_address_and_per_address() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.login_attempts_per_account = 3;
        c.auth.login_attempts_per_address = 5;
    })
    .await?;
    app.account(AccountRole::User, "chi@example.vn").await?; // a success counts nothing
    let wrong = json!({ "identifier": "chi@example.vn", "password": "wrong password" });
    for _ in 0..3 {
        assert_eq!(
            app.json("POST", "/api/v1/sessions", &Auth::None, &wrong)
                .await?
                .status,
            401
        );
    }
    let limited = app
        .json("POST", "/api/v1/sessions", &Auth::None, &wrong)
        .await?;
    assert_eq!(
        (limited.status, limited.json()["code"].clone()),
        (429, json!("rate_limited"))
    );
    let wait: u64 = limited
        .header("retry-after")
        .ok_or("no Retry-After")?
        .parse()?;
    assert!((1..=900).contains(&wait));
    // This address waits even with the right password: it is refused before the check.
    let right = json!({ "identifier": "chi@example.vn", "password": PASSWORD });
    assert_eq!(
        app.json("POST", "/api/v1/sessions", &Auth::None, &right)
            .await?
            .status,
        429
    );

    // The address has now failed 3 times; 2 more failures on other accounts and it waits for
    // every account.
    let other = json!({ "identifier": "someone@example.vn", "password": "whatever1" });
    for status in [401, 401, 429] {
        assert_eq!(
            app.json("POST", "/api/v1/sessions", &Auth::None, &other)
                .await?
                .status,
            status
        );
    }
    Ok(())
}

#[actix_web::test]
async fn auth_events_reach_the_audit_log_without_secrets() -> TestResult {
    let app = TestApp::spawn().await?;
    let session = app.account(AccountRole::User, "dung@example.vn").await?;
    let wrong = json!({ "identifier": "dung@example.vn", "password": "wrong password" });
    app.json("POST", "/api/v1/sessions", &Auth::None, &wrong)
        .await?;
    let audit = app.audit().await?;
    let actions: Vec<_> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["login_ok", "login_failed"]);
    for event in &audit {
        assert_eq!(event.client_addr.as_deref(), Some("127.0.0.1"));
        assert_eq!(event.subject_type.as_deref(), Some("account"));
        let text = format!("{event:?}");
        for secret in [
            PASSWORD,
            "wrong password",
            session.refresh.as_str(),
            session.access.as_str(),
        ] {
            assert!(!text.contains(secret), "audit holds a secret: {text}");
        }
    }
    assert!(audit[0].actor_account.is_some());

    // The log is append-only.
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    use diesel_async::RunQueryDsl;
    assert!(
        diesel::sql_query("DELETE FROM audit_log")
            .execute(&mut conn)
            .await
            .is_err()
    );
    assert!(
        diesel::sql_query("UPDATE audit_log SET action = 'x'")
            .execute(&mut conn)
            .await
            .is_err()
    );
    Ok(())
}

#[actix_web::test]
async fn bad_credentials_headers_get_401_not_anonymous_access() -> TestResult {
    let app = TestApp::spawn().await?;
    for auth in [
        Auth::Bearer("garbage".into()),
        Auth::ApiKey("lm_nope_nope".into()),
    ] {
        let res = app.call("GET", "/api/v1/zones", &auth).await?;
        assert_eq!(res.status, 401, "{auth:?}");
    }
    let res = app
        .send(
            "GET",
            "/api/v1/zones",
            &[("authorization", "Basic dXNlcjpwYXNz")],
            None,
        )
        .await?;
    assert_eq!(
        (res.status, res.json()["code"].clone()),
        (401, json!("invalid_token"))
    );
    assert!(
        res.header("www-authenticate")
            .is_some_and(|h| h.starts_with("Bearer"))
    );
    Ok(())
}

#[actix_web::test]
async fn a_hash_made_with_older_parameters_is_redone_at_sign_in() -> TestResult {
    // Accounts are created with 256 KiB; this portal now asks for 512 KiB.
    let app = TestApp::spawn_with(TestDb::new().await?, |c| c.auth.argon2_memory_kib = 512).await?;
    app.account(AccountRole::User, "em@example.vn").await?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    let identifier = labour_domain::account::Identifier::parse("em@example.vn")?;
    let row = labour_store::accounts::find_by_identifier(&mut conn, &identifier)
        .await?
        .ok_or("no account")?;
    assert!(
        row.password_hash
            .starts_with("$argon2id$v=19$m=512,t=1,p=1$"),
        "{}",
        row.password_hash
    );
    assert!(
        app.login("em@example.vn", PASSWORD).await.is_ok(),
        "the new hash works"
    );
    Ok(())
}

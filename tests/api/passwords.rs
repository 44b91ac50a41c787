//! Passwords over HTTP: changing one's own, a reset link by email (one use, expiring, the same
//! answer for unknown emails), staff-issued codes for phone-only accounts, and the limits.

use std::time::Duration;

use diesel_async::RunQueryDsl;
use labour_store::accounts::AccountRole;
use labour_store::test_db::TestDb;
use labour_tests::{Auth, PASSWORD, SmtpServer, TestApp, TestResult, json};
use mailparse::MailHeaderMap;

type Error = Box<dyn std::error::Error>;

const NEW: &str = "mật khẩu mới hoàn toàn";

/// The messages the SMTP server got, once there are `n` (the reset email goes out on its own
/// task, after the answer).
async fn wait_for_mail(smtp: &SmtpServer, n: usize) -> Result<Vec<String>, Error> {
    for _ in 0..100 {
        let messages = smtp.messages()?;
        if messages.len() >= n {
            return Ok(messages);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("fewer than {n} emails arrived within 10 s").into())
}

/// The token of the reset link in an email.
fn token_of(raw: &str) -> Result<String, Error> {
    let mail = mailparse::parse_mail(raw.as_bytes())?;
    let body = mail.get_body()?;
    let start = body
        .find("/reset-password?token=")
        .ok_or(format!("no link in {body}"))?
        + "/reset-password?token=".len();
    Ok(body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect())
}

async fn with_smtp(smtp: &SmtpServer) -> Result<TestApp, Error> {
    let port = smtp.port;
    TestApp::spawn_with(TestDb::new().await?, move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
    })
    .await
}

async fn sign_in_status(app: &TestApp, identifier: &str, password: &str) -> Result<u16, Error> {
    let body = json!({ "identifier": identifier, "password": password });
    Ok(app
        .json("POST", "/api/v1/sessions", &Auth::None, &body)
        .await?
        .status)
}

#[actix_web::test]
async fn changing_needs_the_current_password_and_signs_the_other_sessions_out() -> TestResult {
    let app = TestApp::spawn().await?;
    let here = app.account(AccountRole::User, "lan@example.vn").await?;
    let elsewhere = app.login("lan@example.vn", PASSWORD).await?;
    let change =
        |current: &str, new: &str| json!({ "current_password": current, "new_password": new });

    let res = app
        .json(
            "PUT",
            "/api/v1/me/password",
            &Auth::None,
            &change(PASSWORD, NEW),
        )
        .await?;
    assert_eq!(res.status, 401);
    let res = app
        .json(
            "PUT",
            "/api/v1/me/password",
            &here.auth(),
            &change("sai mật khẩu", NEW),
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    assert_eq!(res.json()["errors"][0]["field"], "current_password");
    assert_eq!(res.json()["errors"][0]["code"], "wrong_password");
    let res = app
        .json(
            "PUT",
            "/api/v1/me/password",
            &here.auth(),
            &change(PASSWORD, "ngắn"),
        )
        .await?;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["errors"][0]["field"], "new_password");
    assert_eq!(
        sign_in_status(&app, "lan@example.vn", PASSWORD).await?,
        200,
        "unchanged"
    );

    let res = app
        .json(
            "PUT",
            "/api/v1/me/password",
            &here.auth(),
            &change(PASSWORD, NEW),
        )
        .await?;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(sign_in_status(&app, "lan@example.vn", PASSWORD).await?, 401);
    assert_eq!(sign_in_status(&app, "lan@example.vn", NEW).await?, 200);
    // This session goes on; the other one is signed out, its refresh token too.
    assert_eq!(
        app.call("GET", "/api/v1/me", &here.auth()).await?.status,
        200
    );
    assert_eq!(
        app.call("GET", "/api/v1/me", &elsewhere.auth())
            .await?
            .status,
        401
    );
    let refresh = json!({ "refresh_token": elsewhere.refresh });
    let res = app
        .json("POST", "/api/v1/sessions/refresh", &Auth::None, &refresh)
        .await?;
    assert_eq!(res.status, 401);
    let audit = app.audit().await?;
    let changed = audit
        .iter()
        .find(|r| r.action == "password_changed")
        .ok_or("no audit row")?;
    // `elsewhere` and the sign-in that checked the password was unchanged.
    assert_eq!(changed.details["other_sessions_signed_out"], 2);
    Ok(())
}

#[actix_web::test]
async fn wrong_current_passwords_are_limited_like_sign_ins() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.login_attempts_per_account = 2;
    })
    .await?;
    let me = app.account(AccountRole::User, "lan@example.vn").await?;
    let wrong = json!({ "current_password": "sai mật khẩu", "new_password": NEW });
    for _ in 0..2 {
        let res = app
            .json("PUT", "/api/v1/me/password", &me.auth(), &wrong)
            .await?;
        assert_eq!(res.status, 422);
    }
    let res = app
        .json("PUT", "/api/v1/me/password", &me.auth(), &wrong)
        .await?;
    assert_eq!(res.status, 429);
    assert!(res.header("retry-after").is_some());
    Ok(())
}

#[actix_web::test]
async fn a_reset_link_arrives_by_email_works_once_and_unknown_emails_get_the_same_answer()
-> TestResult {
    let smtp = SmtpServer::start().await?;
    let app = with_smtp(&smtp).await?;
    let lan = app.account(AccountRole::User, "lan@example.vn").await?;

    let known = app
        .json(
            "POST",
            "/api/v1/password-resets",
            &Auth::None,
            &json!({ "email": "Lan@Example.vn" }),
        )
        .await?;
    let unknown = app
        .json(
            "POST",
            "/api/v1/password-resets",
            &Auth::None,
            &json!({ "email": "nobody@example.vn" }),
        )
        .await?;
    assert_eq!((known.status, unknown.status), (202, 202));
    assert_eq!(known.body, unknown.body, "the same answer");
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets",
            &Auth::None,
            &json!({ "email": "not an email" }),
        )
        .await?;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["errors"][0]["field"], "email");

    let messages = wait_for_mail(&smtp, 1).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        smtp.messages()?.len(),
        1,
        "nothing is sent for an unknown email"
    );
    let mail = mailparse::parse_mail(messages[0].as_bytes())?;
    let headers = mail.get_headers();
    assert!(
        headers
            .get_first_value("To")
            .is_some_and(|t| t.contains("lan@example.vn"))
    );
    let body = mail.get_body()?;
    assert!(
        body.contains("đặt lại mật khẩu") && body.contains("reset the password"),
        "{body}"
    );
    let token = token_of(&messages[0])?;
    assert!(token.len() >= 43);

    // The audit says a reset was asked for, never for which email.
    let audit = app.audit().await?;
    let asked: Vec<_> = audit
        .iter()
        .filter(|r| r.action == "password_reset_requested")
        .collect();
    assert_eq!(asked.len(), 2);
    assert!(
        asked
            .iter()
            .all(|r| !r.details.to_string().contains("example.vn"))
    );

    let confirm = |token: &str, password: &str| json!({ "token": token, "new_password": password });
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm(&token, "ngắn"),
        )
        .await?;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["errors"][0]["field"], "new_password");
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm(&token, NEW),
        )
        .await?;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(sign_in_status(&app, "lan@example.vn", PASSWORD).await?, 401);
    assert_eq!(sign_in_status(&app, "lan@example.vn", NEW).await?, 200);
    assert_eq!(
        app.call("GET", "/api/v1/me", &lan.auth()).await?.status,
        401,
        "signed out everywhere"
    );
    // Used: it works no more.
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm(&token, "một mật khẩu khác"),
        )
        .await?;
    assert_eq!(res.status, 401);
    assert_eq!(res.json()["code"], "invalid_reset_token");
    assert_eq!(sign_in_status(&app, "lan@example.vn", NEW).await?, 200);

    // An expired link is refused too.
    app.json(
        "POST",
        "/api/v1/password-resets",
        &Auth::None,
        &json!({ "email": "lan@example.vn" }),
    )
    .await?;
    let messages = wait_for_mail(&smtp, 2).await?;
    let second = messages
        .iter()
        .map(|m| token_of(m))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .find(|t| *t != token)
        .ok_or("no second link")?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    diesel::sql_query("UPDATE password_resets SET expires_at = now() - interval '1 minute'")
        .execute(&mut conn)
        .await?;
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm(&second, "một mật khẩu khác"),
        )
        .await?;
    assert_eq!(res.json()["code"], "invalid_reset_token");
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm("made-up", "một mật khẩu khác"),
        )
        .await?;
    assert_eq!(res.json()["code"], "invalid_reset_token");
    Ok(())
}

#[actix_web::test]
async fn reset_emails_are_limited_per_email_whether_or_not_it_has_an_account() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.password_resets_per_account = 2;
        c.auth.password_resets_per_address = 5;
    })
    .await?;
    app.account(AccountRole::User, "lan@example.vn").await?;
    for email in ["lan@example.vn", "nobody@example.vn"] {
        for _ in 0..2 {
            let res = app
                .json(
                    "POST",
                    "/api/v1/password-resets",
                    &Auth::None,
                    &json!({ "email": email }),
                )
                .await?;
            assert_eq!(res.status, 202);
        }
        let res = app
            .json(
                "POST",
                "/api/v1/password-resets",
                &Auth::None,
                &json!({ "email": email }),
            )
            .await?;
        assert_eq!(res.status, 429, "{email}");
        assert_eq!(res.json()["code"], "rate_limited");
    }
    // The address has asked five times: any other email waits too.
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets",
            &Auth::None,
            &json!({ "email": "third@example.vn" }),
        )
        .await?;
    assert_eq!(res.status, 429);
    Ok(())
}

#[actix_web::test]
async fn staff_issue_a_code_that_a_phone_only_worker_uses_once() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let worker = app.account(AccountRole::User, "other@example.vn").await?;
    let sign_up = json!({ "phone": "0987654321", "password": PASSWORD, "display_name": "Lan" });
    assert_eq!(
        app.json("POST", "/api/v1/accounts", &Auth::None, &sign_up)
            .await?
            .status,
        202
    );
    let ask = json!({ "phone": "0987 654 321" });
    for (auth, status) in [(Auth::None, 401), (worker.auth(), 403)] {
        let res = app
            .json("POST", "/api/v1/password-reset-codes", &auth, &ask)
            .await?;
        assert_eq!(res.status, status);
    }
    let res = app
        .json(
            "POST",
            "/api/v1/password-reset-codes",
            &staff.auth(),
            &json!({ "phone": "0911111111" }),
        )
        .await?;
    assert_eq!(res.status, 404, "no account has this phone");
    let res = app
        .json(
            "POST",
            "/api/v1/password-reset-codes",
            &staff.auth(),
            &json!({ "phone": "+84 staff" }),
        )
        .await?;
    assert_eq!(res.status, 422);
    let res = app
        .json("POST", "/api/v1/password-reset-codes", &staff.auth(), &ask)
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.header("cache-control"), Some("no-store"));
    let code = res.json()["code"].as_str().ok_or("no code")?.to_owned();
    assert_eq!(res.json()["sent_by_sms"], false);
    let issued = app
        .audit()
        .await?
        .into_iter()
        .find(|r| r.action == "password_reset_code_issued")
        .ok_or("no audit row")?;
    assert!(
        issued.actor_account.is_some(),
        "the staff member is the actor"
    );
    assert!(!issued.details.to_string().contains(&code));

    let confirm =
        |phone: &str, code: &str| json!({ "phone": phone, "code": code, "new_password": NEW });
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm("0987654321", "AAAAA-AAAAA"),
        )
        .await?;
    assert_eq!(res.status, 401);
    assert_eq!(res.json()["code"], "invalid_reset_code");
    assert_eq!(res.json()["errors"][0]["field"], "code");
    // The code as a person types it: lower case, no hyphen.
    let typed = code.to_lowercase().replace('-', "");
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm("0987654321", &typed),
        )
        .await?;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(sign_in_status(&app, "0987654321", NEW).await?, 200);
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm("0987654321", &code),
        )
        .await?;
    assert_eq!(res.json()["code"], "invalid_reset_code", "used once");

    // Staff and admin accounts are never opened with a code.
    let colleague =
        json!({ "phone": "0911222333", "password": PASSWORD, "display_name": "Cán bộ" });
    let admin = app.account(AccountRole::Admin, "admin@example.vn").await?;
    app.json("POST", "/api/v1/staff", &admin.auth(), &colleague)
        .await?;
    let res = app
        .json(
            "POST",
            "/api/v1/password-reset-codes",
            &staff.auth(),
            &json!({ "phone": "0911222333" }),
        )
        .await?;
    assert_eq!(res.status, 403);
    Ok(())
}

#[actix_web::test]
async fn five_wrong_codes_give_the_code_up() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let code = labour_tests::phone_worker_with_code(&app, &staff).await?;
    let confirm = |code: &str| json!({ "phone": "0987654321", "code": code, "new_password": NEW });
    for _ in 0..5 {
        let res = app
            .json(
                "POST",
                "/api/v1/password-resets/confirm",
                &Auth::None,
                &confirm("AAAAA-AAAAA"),
            )
            .await?;
        assert_eq!(res.json()["code"], "invalid_reset_code");
    }
    let res = app
        .json(
            "POST",
            "/api/v1/password-resets/confirm",
            &Auth::None,
            &confirm(&code),
        )
        .await?;
    assert_eq!(res.json()["code"], "invalid_reset_code", "given up");
    assert_eq!(sign_in_status(&app, "0987654321", PASSWORD).await?, 200);
    Ok(())
}

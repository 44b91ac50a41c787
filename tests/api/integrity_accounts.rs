//! Accounts under attack: sign-ups limited per address, failed sign-ins counted per account and
//! address so that nobody can lock an owner out, and an account under attack slowed down.

use labour_store::accounts::AccountRole;
use labour_store::test_db::TestDb;
use labour_tests::{Auth, PASSWORD, TestApp, TestResponse, TestResult};
use serde_json::json;

/// A JSON POST that appears to come from `address` (the test app trusts X-Forwarded-For).
async fn from(
    app: &TestApp,
    address: &str,
    path: &str,
    body: &serde_json::Value,
) -> Result<TestResponse, Box<dyn std::error::Error>> {
    app.send_json(
        "POST",
        path,
        &Auth::None,
        &[("x-forwarded-for", address), ("accept-language", "en")],
        body,
    )
    .await
}

#[actix_web::test]
async fn wrong_passwords_from_one_address_never_lock_the_owner_out() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.trust_forwarded_for = true;
        c.auth.login_attempts_per_account = 3;
        c.auth.login_attempts_per_address = 50;
    })
    .await?;
    app.account(AccountRole::Admin, "admin@example.vn").await?;
    let wrong = json!({ "identifier": "admin@example.vn", "password": "wrong password" });
    let right = json!({ "identifier": "admin@example.vn", "password": PASSWORD });

    // A success resets what the address had failed.
    for _ in 0..2 {
        let res = from(&app, "203.0.113.7", "/api/v1/sessions", &wrong).await?;
        assert_eq!(res.status, 401);
    }
    let res = from(&app, "203.0.113.7", "/api/v1/sessions", &right).await?;
    assert_eq!(res.status, 200, "{}", res.text());

    // The attacker's address fails 3 times, then waits: even the right password from it.
    for _ in 0..3 {
        let res = from(&app, "198.51.100.66", "/api/v1/sessions", &wrong).await?;
        assert_eq!(res.status, 401);
    }
    for body in [&wrong, &wrong, &right] {
        let res = from(&app, "198.51.100.66", "/api/v1/sessions", body).await?;
        assert_eq!(
            (res.status, res.json()["code"].clone()),
            (429, json!("rate_limited"))
        );
        let wait: u64 = res.header("retry-after").ok_or("no Retry-After")?.parse()?;
        assert!((1..=900).contains(&wait), "{wait}");
        assert!(
            res.json()["detail"]
                .as_str()
                .is_some_and(|d| d.contains("this address")),
            "{}",
            res.text()
        );
    }

    // The owner, from their own address, still signs in.
    let res = from(&app, "203.0.113.7", "/api/v1/sessions", &right).await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let res = from(&app, "192.0.2.1", "/api/v1/sessions", &right).await?;
    assert_eq!(res.status, 200, "a fresh address too: {}", res.text());
    Ok(())
}

#[actix_web::test]
async fn sign_ups_are_limited_per_address() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.trust_forwarded_for = true;
        c.auth.signups_per_address = 3;
    })
    .await?;
    let limit = 3;
    let sign_up = |n: usize| json!({ "email": format!("w{n}@example.vn"), "password": PASSWORD, "display_name": "Thử" });
    for n in 0..limit {
        let res = from(&app, "198.51.100.9", "/api/v1/accounts", &sign_up(n)).await?;
        assert_eq!(res.status, 202, "sign-up {n}: {}", res.text());
    }
    let res = from(&app, "198.51.100.9", "/api/v1/accounts", &sign_up(limit)).await?;
    assert_eq!(
        (res.status, res.json()["code"].clone()),
        (429, json!("rate_limited")),
        "{}",
        res.text()
    );
    let wait: u64 = res.header("retry-after").ok_or("no Retry-After")?.parse()?;
    assert!((1..=3600).contains(&wait), "{wait}");
    assert!(
        res.json()["detail"]
            .as_str()
            .is_some_and(|d| d.contains("sign-ups")),
        "{}",
        res.text()
    );
    let vi = app
        .send_json(
            "POST",
            "/api/v1/accounts",
            &Auth::None,
            &[("x-forwarded-for", "198.51.100.9")],
            &sign_up(limit + 1),
        )
        .await?;
    assert!(
        vi.json()["detail"]
            .as_str()
            .is_some_and(|d| d.contains("đăng ký")),
        "{}",
        vi.text()
    );
    // The refused sign-up made no account.
    let res = from(
        &app,
        "198.51.100.9",
        "/api/v1/sessions",
        &json!({ "identifier": format!("w{limit}@example.vn"), "password": PASSWORD }),
    )
    .await?;
    assert_eq!(res.status, 401);

    // Another address signs up as usual.
    let res = from(&app, "203.0.113.80", "/api/v1/accounts", &sign_up(99)).await?;
    assert_eq!(res.status, 202, "{}", res.text());
    Ok(())
}

#[actix_web::test]
async fn an_account_failing_from_many_addresses_slows_down_but_its_owner_gets_in() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.trust_forwarded_for = true;
        c.auth.login_attempts_per_account = 3;
        c.auth.login_failures_before_slowdown = 4;
        c.auth.login_slowdown_ms = 500;
    })
    .await?;
    app.account(AccountRole::Admin, "admin@example.vn").await?;
    let wrong = json!({ "identifier": "admin@example.vn", "password": "wrong password" });
    let right = json!({ "identifier": "admin@example.vn", "password": PASSWORD });
    // A botnet: every address fails once, which no per-address limit sees.
    let started = std::time::Instant::now();
    for n in 0..4 {
        let res = from(&app, &format!("198.51.100.{n}"), "/api/v1/sessions", &wrong).await?;
        assert_eq!(res.status, 401);
    }
    // Bounds are one slowdown period apart from what a slowed-down account would take, so a
    // busy machine does not make them fail.
    let fast = started.elapsed();
    assert!(fast < std::time::Duration::from_millis(1000), "{fast:?}");

    // From now on the account's sign-ins take turns, one every 500 ms, from whatever address.
    let started = std::time::Instant::now();
    for n in 10..14 {
        let res = from(&app, &format!("198.51.100.{n}"), "/api/v1/sessions", &wrong).await?;
        assert_eq!(res.status, 401, "slowed down, not refused");
    }
    let slow = started.elapsed();
    assert!(slow >= std::time::Duration::from_millis(1500), "{slow:?}");

    // The owner, from a fresh address, waits a turn and gets in: the fifth turn, at least four
    // periods after the first (turns only ever move later, however slow the machine is).
    let res = from(&app, "192.0.2.44", "/api/v1/sessions", &right).await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let owner = started.elapsed();
    assert!(owner >= std::time::Duration::from_millis(2000), "{owner:?}");
    // Other accounts are not slowed down.
    app.account(AccountRole::User, "lan@example.vn").await?;
    let started = std::time::Instant::now();
    let other = json!({ "identifier": "lan@example.vn", "password": PASSWORD });
    assert_eq!(
        from(&app, "192.0.2.45", "/api/v1/sessions", &other)
            .await?
            .status,
        200
    );
    let other = started.elapsed();
    assert!(other < std::time::Duration::from_millis(500), "{other:?}");
    Ok(())
}

//! Saved searches: new postings that match notify the worker on the portal and, once a day,
//! by email through a real SMTP server, with a one-click unsubscribe.

use chrono::{Duration, Utc};
use labour_api::auth::tokens::JwtKeys;
use labour_api::config::MailConfig;
use labour_app::jobs::digest::Mailer;
use labour_store::accounts::AccountRole;
use labour_tests::{
    SmtpServer, TEST_SECRET, TestApp, TestResult, course, job, json, verified_enterprise,
    verified_school,
};
use mailparse::MailHeaderMap;

fn unrelated_job() -> serde_json::Value {
    let mut j = job("Lái xe nâng kho lạnh");
    j["occupation_code"] = json!("8344");
    j["description"] = json!("Vận hành xe nâng trong kho, bốc xếp pallet.");
    j
}

#[actix_web::test]
async fn a_newly_published_job_matching_a_saved_search_notifies_the_worker() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 21).await?;
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;
    app.publish(factory, &hr, &staff, &job("Thợ hàn đăng trước"))
        .await?;
    app.index_now().await?;

    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    let saved = app
        .json(
            "POST",
            "/api/v1/me/saved-searches",
            &worker.auth(),
            &json!({ "name": "Thợ hàn ở Chi Lăng", "query": { "q": "tho han", "commune": "06463" } }),
        )
        .await?;
    assert_eq!(saved.status, 201, "{}", saved.text());
    assert_eq!(saved.json()["kind"], "job");
    assert_eq!(saved.json()["email"], true);

    let matching = app
        .publish(factory, &hr, &staff, &job("Thợ hàn ca ngày"))
        .await?;
    app.publish(factory, &hr, &staff, &unrelated_job()).await?;
    app.publish(
        school,
        &teacher,
        &staff,
        &course("Khóa thợ hàn", "7212", "so_cap", 20),
    )
    .await?;
    app.index_now().await?;
    assert_eq!(app.match_saved_searches().await?, 1);
    assert_eq!(app.match_saved_searches().await?, 0, "told once");

    let list = app
        .call("GET", "/api/v1/me/notifications", &worker.auth())
        .await?;
    assert_eq!(list.status, 200, "{}", list.text());
    let body = list.json();
    assert_eq!(
        (body["total"].as_i64(), body["unread"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(body["items"][0]["posting_id"], json!(matching));
    assert_eq!(body["items"][0]["title"], "Thợ hàn ca ngày");
    assert!(body["items"][0]["read_at"].is_null());

    let other = app.account(AccountRole::User, "other@example.vn").await?;
    let theirs = app
        .call("GET", "/api/v1/me/notifications", &other.auth())
        .await?;
    assert_eq!(theirs.json()["total"], 0, "nobody else's notifications");

    let marked = app
        .json(
            "POST",
            "/api/v1/me/notifications/read",
            &worker.auth(),
            &json!({}),
        )
        .await?;
    assert_eq!(marked.json()["marked"], 1);
    let unread = app
        .call(
            "GET",
            "/api/v1/me/notifications?unread=true",
            &worker.auth(),
        )
        .await?
        .json();
    assert_eq!(
        (unread["total"].as_i64(), unread["unread"].as_i64()),
        (Some(0), Some(0))
    );

    let id = saved.json()["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/v1/me/saved-searches/{id}");
    assert_eq!(app.call("DELETE", &path, &other.auth()).await?.status, 404);
    assert_eq!(app.call("DELETE", &path, &worker.auth()).await?.status, 204);
    assert_eq!(app.call("DELETE", &path, &worker.auth()).await?.status, 404);
    Ok(())
}

#[actix_web::test]
async fn a_saved_search_is_checked_like_a_search() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    for (body, field) in [
        (json!({ "name": "x", "kind": "jobs", "query": {} }), "kind"),
        (
            json!({ "name": "x", "query": { "sort": "newest" } }),
            "query",
        ),
        (
            json!({ "name": "x", "query": { "colour": "red" } }),
            "query",
        ),
        (json!({ "name": "x", "query": "thợ hàn" }), "query"),
        (
            json!({ "name": "x", "query": { "salary_min": "nhiều" } }),
            "query.salary_min",
        ),
        (json!({ "name": " ", "query": {} }), "name"),
    ] {
        let res = app
            .json("POST", "/api/v1/me/saved-searches", &worker.auth(), &body)
            .await?;
        assert_eq!(res.status, 422, "{body}: {}", res.text());
        assert_eq!(res.json()["errors"][0]["field"], field, "{body}");
    }
    for n in 0..20 {
        let res = app
            .json(
                "POST",
                "/api/v1/me/saved-searches",
                &worker.auth(),
                &json!({ "name": format!("Tìm {n}"), "kind": "all", "query": { "q": "hàn" } }),
            )
            .await?;
        assert_eq!(res.status, 201);
    }
    let over = app
        .json(
            "POST",
            "/api/v1/me/saved-searches",
            &worker.auth(),
            &json!({ "name": "Một nữa", "query": {} }),
        )
        .await?;
    assert_eq!(over.status, 409, "twenty at most");
    let list = app
        .call("GET", "/api/v1/me/saved-searches", &worker.auth())
        .await?;
    assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(20));
    Ok(())
}

fn mailer(app: &TestApp, smtp: &SmtpServer) -> Result<Mailer, Box<dyn std::error::Error>> {
    let config = MailConfig {
        smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port).into()),
        from: "Sàn việc làm Lạng Sơn <no-reply@langson.example.vn>".into(),
        public_url: format!("http://{}", app.addr),
        digest_hour: 7,
    };
    Mailer::new(&config, JwtKeys::new(TEST_SECRET.as_bytes()))?.ok_or_else(|| "no mailer".into())
}

#[actix_web::test]
async fn the_daily_digest_goes_out_by_smtp_once_a_day_and_one_click_stops_it() -> TestResult {
    let smtp = SmtpServer::start().await?;
    let app = TestApp::spawn().await?;
    let mailer = mailer(&app, &smtp)?;
    let pool = labour_store::db::pool(app.db.url(), 2)?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 22).await?;
    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    app.json(
        "POST",
        "/api/v1/me/saved-searches",
        &worker.auth(),
        &json!({ "name": "Hàn", "query": { "occupation": "7212" } }),
    )
    .await?;

    let now = Utc::now();
    assert_eq!(mailer.send_due(&pool, now).await?, 0, "nothing to tell yet");
    app.publish(factory, &hr, &staff, &job("Thợ hàn điện ca ngày"))
        .await?;
    app.index_now().await?;
    app.match_saved_searches().await?;
    // With the mail server unreachable nothing is lost: the digest waits for the next round.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let unreachable = Mailer::new(
        &MailConfig {
            smtp_url: Some(format!("smtp://127.0.0.1:{closed}").into()),
            ..MailConfig::default()
        },
        JwtKeys::new(TEST_SECRET.as_bytes()),
    )?
    .ok_or("no mailer")?;
    assert_eq!(unreachable.send_due(&pool, now).await?, 0);
    // While another instance sends this round, this one sends nothing.
    let mut other_instance = labour_store::db::connect(app.db.url()).await?;
    assert!(labour_store::notifications::try_lock_digests(&mut other_instance).await?);
    assert_eq!(mailer.send_due(&pool, now).await?, 0);
    labour_store::notifications::unlock_digests(&mut other_instance).await?;
    assert_eq!(mailer.send_due(&pool, now).await?, 1);

    let messages = smtp.messages()?;
    assert_eq!(messages.len(), 1);
    let mail = mailparse::parse_mail(messages[0].as_bytes())?;
    let headers = mail.get_headers();
    assert!(
        headers
            .get_first_value("To")
            .is_some_and(|t| t.contains("mai@example.vn"))
    );
    assert!(
        headers
            .get_first_value("Subject")
            .is_some_and(|s| s.contains("tin mới"))
    );
    assert_eq!(
        headers.get_first_value("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let text = mail.get_body()?;
    assert!(text.contains("Thợ hàn điện ca ngày"), "{text}");
    let link = headers
        .get_first_value("List-Unsubscribe")
        .unwrap_or_default()
        .trim_matches(|c| c == '<' || c == '>')
        .to_owned();
    assert!(text.contains(&link), "the link is in the body too");

    // A second match the same day waits for tomorrow's digest.
    app.publish(factory, &hr, &staff, &job("Thợ hàn ống"))
        .await?;
    app.index_now().await?;
    app.match_saved_searches().await?;
    assert_eq!(mailer.send_due(&pool, now).await?, 0, "one digest a day");
    assert_eq!(mailer.send_due(&pool, now + Duration::days(1)).await?, 1);
    let second = smtp.messages()?;
    assert_eq!(second.len(), 2);
    let bodies: Vec<String> = second
        .iter()
        .filter_map(|m| mailparse::parse_mail(m.as_bytes()).ok()?.get_body().ok())
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("Thợ hàn ống") && !b.contains("Thợ hàn điện"))
    );

    // One click: the page changes nothing, the POST a mail client sends stops the digest.
    let path = link
        .split_once(&app.addr.to_string())
        .map(|(_, p)| p.to_owned())
        .unwrap_or_default();
    let page = app.get(&path).await?;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<form method=\"post\""));
    let saved = app
        .call("GET", "/api/v1/me/saved-searches", &worker.auth())
        .await?;
    assert_eq!(saved.json()["items"][0]["email"], true);
    let stop = app
        .send(
            "POST",
            &path,
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(b"List-Unsubscribe=One-Click".to_vec()),
        )
        .await?;
    assert_eq!(stop.status, 200, "{}", stop.text());
    let saved = app
        .call("GET", "/api/v1/me/saved-searches", &worker.auth())
        .await?;
    assert_eq!(saved.json()["items"][0]["email"], false);

    app.publish(factory, &hr, &staff, &job("Thợ hàn khung"))
        .await?;
    app.index_now().await?;
    assert_eq!(
        app.match_saved_searches().await?,
        1,
        "still notified on the portal"
    );
    assert_eq!(mailer.send_due(&pool, now + Duration::days(2)).await?, 0);
    assert_eq!(smtp.messages()?.len(), 2, "no email after unsubscribing");

    let forged = app
        .get("/api/v1/unsubscribe?token=eyJhbGciOiJIUzI1NiJ9.e30.x")
        .await?;
    assert_eq!(forged.status, 422);
    let access_token = format!("/api/v1/unsubscribe?token={}", worker.access);
    assert_eq!(
        app.send("POST", &access_token, &[], None).await?.status,
        422
    );
    Ok(())
}

#[actix_web::test]
async fn a_digest_goes_out_once_with_two_instances_and_after_a_sender_died() -> TestResult {
    let smtp = SmtpServer::start().await?;
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 23).await?;
    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    app.json(
        "POST",
        "/api/v1/me/saved-searches",
        &worker.auth(),
        &json!({ "name": "Hàn", "query": { "occupation": "7212" } }),
    )
    .await?;
    app.publish(factory, &hr, &staff, &job("Thợ hàn điện ca ngày"))
        .await?;
    app.index_now().await?;
    assert_eq!(app.match_saved_searches().await?, 1);
    let now = Utc::now();
    let (one, two) = (mailer(&app, &smtp)?, mailer(&app, &smtp)?);
    let (pool_one, pool_two) = (
        labour_store::db::pool(app.db.url(), 2)?,
        labour_store::db::pool(app.db.url(), 2)?,
    );

    // A sender that claimed the digest and died: nobody sends it until its lease runs out.
    let mut conn = labour_store::db::get(&pool_one).await?;
    let claimed = labour_store::notifications::claim_digests(
        &mut conn,
        uuid::Uuid::now_v7(),
        one.due_since(now),
        10,
        std::time::Duration::from_millis(500),
    )
    .await?;
    assert_eq!(claimed.len(), 1);
    drop(conn);
    assert_eq!(
        one.send_due(&pool_one, now).await?,
        0,
        "claimed by the dead sender"
    );
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;

    let (a, b) = tokio::join!(one.send_due(&pool_one, now), two.send_due(&pool_two, now));
    assert_eq!(a? + b?, 1, "sent once");
    assert_eq!(smtp.messages()?.len(), 1);
    assert_eq!(one.send_due(&pool_one, now).await?, 0);
    assert_eq!(two.send_due(&pool_two, now).await?, 0);
    Ok(())
}

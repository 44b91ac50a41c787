//! What the portal must not leak or let slip: who reported a posting, postings of an organisation
//! staff refused, application moves a party may not make, and a stale status move undoing a
//! withdrawal.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, TestApp, TestResult, json, verified_enterprise};

fn profile(name: &str) -> serde_json::Value {
    json!({
        "full_name": name, "birth_year": 1998, "gender": "female", "commune_code": "06463",
        "phone": "0912345678", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "it_skills": "basic", "consents": { "ethnicity": false, "citizen_id": false, "discoverable": false }
    })
}

#[actix_web::test]
async fn the_organisation_never_learns_who_reported_its_posting() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 61).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let job = app
        .publish(org, &owner, &staff, &labour_tests::job("Thợ hàn điện"))
        .await?;
    let worker = app.account(AccountRole::User, "lan@example.vn").await?;
    let note = "Tôi là Lan ở xã Hoàng Đồng, họ đòi tôi nộp 2 triệu.";
    let res = app
        .json(
            "POST",
            &format!("/api/v1/postings/{job}/reports"),
            &worker.auth(),
            &json!({ "reason": "asks_for_money", "note": note }),
        )
        .await?;
    assert_eq!(res.status, 202, "{}", res.text());
    let me = app.call("GET", "/api/v1/me", &worker.auth()).await?.json();
    let worker_id = me["id"].as_str().ok_or("no id")?.to_owned();

    let history = |auth: Auth| {
        let app = &app;
        let job = job.clone();
        async move {
            let res = app
                .call("GET", &format!("/api/v1/postings/{job}/history"), &auth)
                .await?;
            assert_eq!(res.status, 200, "{}", res.text());
            let entry = res.json()["items"]
                .as_array()
                .and_then(|a| {
                    a.iter()
                        .find(|e| e["action"] == "posting_reported")
                        .cloned()
                })
                .ok_or("no report entry")?;
            Ok::<_, Box<dyn std::error::Error>>((entry, res.text()))
        }
    };
    let (entry, text) = history(owner.auth()).await?;
    assert_eq!(entry["actor_account"], serde_json::Value::Null, "{entry}");
    assert_eq!(entry["details"], json!({ "reason": "asks_for_money" }));
    assert!(
        !text.contains(&worker_id),
        "the reporter's id leaks: {text}"
    );
    assert!(!text.contains("Hoàng Đồng"), "the note leaks: {text}");

    let (entry, _) = history(staff.auth()).await?;
    assert_eq!(
        entry["actor_account"],
        json!(worker_id),
        "staff see the reporter"
    );
    Ok(())
}

#[actix_web::test]
async fn refusing_a_verified_organisation_withdraws_its_postings_and_freezes_its_writes()
-> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let owner = app.account(AccountRole::User, "hr@example.vn").await?;
    let org = app
        .organisation(&owner, labour_tests::enterprise("Doanh nghiệp lừa đảo", 62))
        .await?;
    let verify = |decision: serde_json::Value| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let res = app
                .json(
                    "POST",
                    &format!("/api/v1/organisations/{org}/verification"),
                    &staff.auth(),
                    &decision,
                )
                .await?;
            assert_eq!(res.status, 200, "{}", res.text());
            Ok::<_, Box<dyn std::error::Error>>(())
        }
    };
    verify(json!({ "decision": "verified" })).await?;
    let job = app
        .publish(org, &owner, &staff, &labour_tests::job("Thợ hàn xì"))
        .await?;
    let draft = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &labour_tests::job("Thợ phụ hàn"),
        )
        .await?;
    assert_eq!(draft.status, 201);
    let draft = draft.json()["id"].as_str().ok_or("no id")?.to_owned();
    let key = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/api-keys"),
            &owner.auth(),
            &json!({ "name": "HR app", "scopes": ["postings:write"] }),
        )
        .await?
        .json();
    let key = Auth::ApiKey(key["key"].as_str().ok_or("no key")?.to_owned());
    app.index_now().await?;
    let found = app.get("/api/v1/jobs?q=tho%20han%20xi").await?.json();
    assert_eq!(found["total"], 1, "{found}");

    verify(json!({ "decision": "refused", "reason": "Giả mạo doanh nghiệp" })).await?;
    app.index_now().await?;

    let found = app.get("/api/v1/jobs?q=tho%20han%20xi").await?.json();
    assert_eq!(found["total"], 0, "still searchable: {found}");
    assert_eq!(
        app.get(&format!("/api/v1/postings/{job}")).await?.status,
        404
    );
    assert_eq!(
        app.get(&format!("/api/v1/postings/{job}/jsonld"))
            .await?
            .status,
        404
    );
    let open = app.get("/api/v1/open-data/postings").await?;
    assert!(!open.text().contains(&job), "still in open data");
    // Feed events appear once older transactions on the server (other tests') have ended.
    let started = std::time::Instant::now();
    let deleted = json!({ "change": "delete", "posting_id": job });
    loop {
        let events = app.get("/api/v1/feed?limit=500").await?.json()["events"].clone();
        let told =
            events.as_array().into_iter().flatten().any(|e| {
                e["change"] == deleted["change"] && e["posting_id"] == deleted["posting_id"]
            });
        if told {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 10,
            "the feed never told apps: {events}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    let refused = |res: labour_tests::TestResponse, what: &str| {
        assert_eq!(
            (res.status, res.json()["code"].clone()),
            (403, json!("organisation_refused")),
            "{what}: {}",
            res.text()
        );
        assert!(
            res.json()["detail"]
                .as_str()
                .is_some_and(|d| d.ends_with('.')),
            "{what}: {}",
            res.text()
        );
    };
    let create = format!("/api/v1/organisations/{org}/postings");
    refused(
        app.json(
            "POST",
            &create,
            &owner.auth(),
            &labour_tests::job("Thợ hàn mới"),
        )
        .await?,
        "create",
    );
    refused(
        app.json("POST", &create, &key, &labour_tests::job("Thợ hàn mới"))
            .await?,
        "create with a key",
    );
    refused(
        app.call(
            "POST",
            &format!("/api/v1/postings/{draft}/submit"),
            &owner.auth(),
        )
        .await?,
        "submit",
    );
    let edit = app
        .send_json(
            "PUT",
            &format!("/api/v1/postings/{draft}"),
            &owner.auth(),
            &[("if-match", "\"1\"")],
            &labour_tests::job("Thợ phụ hàn sửa"),
        )
        .await?;
    refused(edit, "edit");
    refused(
        app.json(
            "POST",
            &format!("/api/v1/organisations/{org}/api-keys"),
            &owner.auth(),
            &json!({ "name": "again", "scopes": ["postings:write"] }),
        )
        .await?,
        "mint a key",
    );

    let audit = app.audit().await?;
    let actions: Vec<&str> = audit.iter().map(|r| r.action.as_str()).collect();
    assert!(actions.contains(&"organisation_refused"), "{actions:?}");
    let removal = audit
        .iter()
        .find(|r| r.action == "posting_remove" && r.subject_id.as_deref() == Some(job.as_str()))
        .ok_or("no audit row for the withdrawn job")?;
    assert!(removal.actor_account.is_some(), "staff did it");
    assert_eq!(removal.details["reason_code"], "organisation_refused");

    // Verified again, the organisation writes again; the withdrawn job stays removed.
    verify(json!({ "decision": "verified" })).await?;
    let res = app
        .json(
            "POST",
            &create,
            &owner.auth(),
            &labour_tests::job("Thợ hàn mới"),
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());
    let job = app
        .call("GET", &format!("/api/v1/postings/{job}"), &owner.auth())
        .await?
        .json();
    assert_eq!(job["state"], "removed");
    // The owner reads why: the refusal took it off, with the refusal's reason as the note.
    assert_eq!(job["moderation_reason_code"], "organisation_refused");
    Ok(())
}

/// A published job with one application: (application id, owner, worker).
async fn application(
    app: &TestApp,
    n: u32,
) -> Result<(String, labour_tests::Session, labour_tests::Session), Box<dyn std::error::Error>> {
    let (org, owner) = verified_enterprise(app, &format!("hr{n}@example.vn"), n).await?;
    let staff = app
        .account(AccountRole::Staff, &format!("staff{n}@example.vn"))
        .await?;
    let job = app
        .publish(org, &owner, &staff, &labour_tests::job("Thợ hàn điện"))
        .await?;
    let worker = app
        .account(AccountRole::User, &format!("lan{n}@example.vn"))
        .await?;
    let res = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &profile("Hoàng Thị Lan"),
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let made = app
        .json(
            "POST",
            &format!("/api/v1/postings/{job}/applications"),
            &worker.auth(),
            &json!({ "share": ["full_name"] }),
        )
        .await?;
    assert_eq!(made.status, 201, "{}", made.text());
    let id = made.json()["id"].as_str().ok_or("no id")?.to_owned();
    Ok((id, owner, worker))
}

#[actix_web::test]
async fn a_move_a_party_may_not_make_is_forbidden_in_a_sentence() -> TestResult {
    let app = TestApp::spawn().await?;
    let (id, owner, worker) = application(&app, 63).await?;
    let status = format!("/api/v1/applications/{id}/status");
    let move_as = |auth: Auth, to: &'static str, lang: &'static str| {
        let app = &app;
        let status = status.clone();
        async move {
            app.send_json(
                "POST",
                &status,
                &auth,
                &[("accept-language", lang)],
                &json!({ "status": to }),
            )
            .await
        }
    };
    for lang in ["vi", "en"] {
        for (auth, to) in [(owner.auth(), "withdrawn"), (worker.auth(), "hired")] {
            let res = move_as(auth, to, lang).await?;
            let body = res.json();
            assert_eq!(
                (res.status, body["code"].clone()),
                (403, json!("forbidden")),
                "{body}"
            );
            let detail = body["detail"].as_str().unwrap_or_default();
            assert!(
                detail.ends_with('.') && !detail.contains("cannot withdrawn"),
                "{detail}"
            );
            if lang == "en" {
                assert!(
                    detail.contains("withdraw") || detail.contains("organisation"),
                    "{detail}"
                );
            }
        }
    }
    // A move the lifecycle refuses reads as a sentence too.
    assert_eq!(move_as(worker.auth(), "withdrawn", "en").await?.status, 200);
    let res = move_as(owner.auth(), "shortlisted", "en").await?;
    assert_eq!(res.status, 409);
    assert_eq!(
        res.json()["detail"],
        "An application that is withdrawn cannot be moved to shortlisted."
    );
    let res = move_as(owner.auth(), "shortlisted", "vi").await?;
    let detail = res.json()["detail"].as_str().unwrap_or_default().to_owned();
    assert!(
        detail.starts_with("Đơn ứng tuyển") && detail.ends_with('.'),
        "{detail}"
    );
    Ok(())
}

#[actix_web::test]
async fn a_shortlist_from_a_stale_read_does_not_undo_a_withdrawal() -> TestResult {
    let app = TestApp::spawn().await?;
    let (id, _owner, worker) = application(&app, 64).await?;
    let status = format!("/api/v1/applications/{id}/status");
    let id: uuid::Uuid = id.parse()?;
    // The enterprise read the application while it was still `received`; the worker withdraws.
    let res = app
        .json(
            "POST",
            &status,
            &worker.auth(),
            &json!({ "status": "withdrawn" }),
        )
        .await?;
    assert_eq!(res.status, 200);
    // The enterprise's move, written from that stale read, must not land.
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    let moved = labour_store::applications::set_status(
        &mut conn,
        id,
        "received",
        "shortlisted",
        labour_store::audit::Event::default(),
    )
    .await?;
    assert!(moved.is_none(), "a stale move was written");
    let (row, _) = labour_store::applications::find(&mut conn, id)
        .await?
        .ok_or("gone")?;
    assert_eq!(<&str>::from(row.status), "withdrawn");

    // Raced over HTTP on a fresh application: when the withdrawal succeeds, it stays.
    let (fresh, owner2, other) = application(&app, 65).await?;
    let status = format!("/api/v1/applications/{fresh}/status");
    let (enterprise, worker) = (owner2.auth(), other.auth());
    let (shortlist, withdraw) = (
        json!({ "status": "shortlisted" }),
        json!({ "status": "withdrawn" }),
    );
    let (a, b) = tokio::join!(
        app.json("POST", &status, &enterprise, &shortlist),
        app.json("POST", &status, &worker, &withdraw)
    );
    let (_, b) = (a?, b?);
    let (row, _) = labour_store::applications::find(&mut conn, fresh.parse()?)
        .await?
        .ok_or("gone")?;
    if b.status == 200 {
        assert_eq!(<&str>::from(row.status), "withdrawn");
    }
    Ok(())
}

//! Organisations register, staff verify or refuse them, and their API keys work and stop working.

use labour_store::accounts::AccountRole;
use labour_store::test_db::TestDb;
use labour_tests::{Auth, TestApp, TestResult, enterprise};
use serde_json::json;

#[actix_web::test]
async fn an_enterprise_registers_waits_and_is_verified_or_refused() -> TestResult {
    let app = TestApp::spawn().await?;
    let owner = app.account(AccountRole::User, "owner@example.vn").await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;

    let bad = json!({ "kind": "enterprise", "name": "X", "tax_code": "0100109107" });
    let res = app
        .json("POST", "/api/v1/organisations", &owner.auth(), &bad)
        .await?;
    assert_eq!(
        (res.status, res.json()["errors"][0]["code"].clone()),
        (422, json!("tax_code_checksum"))
    );
    let school = json!({ "kind": "school", "name": "Trường nghề" });
    let res = app
        .json("POST", "/api/v1/organisations", &owner.auth(), &school)
        .await?;
    assert_eq!(
        (res.status, res.json()["errors"][0]["field"].clone()),
        (422, json!("licence_number"))
    );

    let body = enterprise("Công ty TNHH Thử", 7);
    let id = app.organisation(&owner, body.clone()).await?;
    let dup = app
        .json("POST", "/api/v1/organisations", &owner.auth(), &body)
        .await?;
    assert_eq!(
        (dup.status, dup.json()["code"].clone()),
        (409, json!("conflict"))
    );

    let me = app.call("GET", "/api/v1/me", &owner.auth()).await?.json();
    assert_eq!(me["roles"], json!(["enterprise_member"]));
    assert_eq!(me["organisations"][0]["verification"], "pending");

    let queue = app
        .call(
            "GET",
            "/api/v1/organisations?verification=pending",
            &staff.auth(),
        )
        .await?
        .json();
    assert!(
        queue["items"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|o| o["id"] == json!(id))
    );

    let path = format!("/api/v1/organisations/{id}/verification");
    let no_reason = app
        .json(
            "POST",
            &path,
            &staff.auth(),
            &json!({ "decision": "refused" }),
        )
        .await?;
    assert_eq!(
        (
            no_reason.status,
            no_reason.json()["errors"][0]["field"].clone()
        ),
        (422, json!("reason"))
    );
    let refused = app
        .json(
            "POST",
            &path,
            &staff.auth(),
            &json!({ "decision": "refused", "reason": "Tên không khớp đăng ký kinh doanh" }),
        )
        .await?;
    assert_eq!(refused.json()["verification"], "refused");
    let seen = app
        .call("GET", &format!("/api/v1/organisations/{id}"), &owner.auth())
        .await?
        .json();
    assert_eq!(
        seen["verification_reason"],
        "Tên không khớp đăng ký kinh doanh"
    );
    assert_eq!(
        app.call("GET", &format!("/api/v1/organisations/{id}"), &Auth::None)
            .await?
            .status,
        404
    );

    let verified = app
        .json(
            "POST",
            &path,
            &staff.auth(),
            &json!({ "decision": "verified" }),
        )
        .await?;
    assert_eq!(
        (
            verified.json()["verification"].clone(),
            verified.json()["verification_reason"].clone()
        ),
        (json!("verified"), json!(null))
    );
    assert_eq!(
        app.call("GET", &format!("/api/v1/organisations/{id}"), &Auth::None)
            .await?
            .status,
        200
    );

    let actions: Vec<_> = app.audit().await?.into_iter().map(|e| e.action).collect();
    for expected in [
        "organisation_registered",
        "organisation_refused",
        "organisation_verified",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} missing from {actions:?}"
        );
    }
    Ok(())
}

#[actix_web::test]
async fn api_keys_are_shown_once_work_either_way_and_stop_when_revoked() -> TestResult {
    let app = TestApp::spawn_with(TestDb::new().await?, |c| {
        c.auth.api_key_requests_per_minute = 5
    })
    .await?;
    let owner = app.account(AccountRole::User, "owner@example.vn").await?;
    let org = app
        .organisation(&owner, enterprise("Công ty Khóa", 9))
        .await?;
    let keys = format!("/api/v1/organisations/{org}/api-keys");

    let bad = app
        .json(
            "POST",
            &keys,
            &owner.auth(),
            &json!({ "name": "x", "scopes": ["admin"] }),
        )
        .await?;
    assert_eq!(
        (bad.status, bad.json()["errors"][0]["field"].clone()),
        (422, json!("scopes[0]"))
    );
    let created = app
        .json(
            "POST",
            &keys,
            &owner.auth(),
            &json!({ "name": "Ứng dụng HR", "scopes": ["postings:write"] }),
        )
        .await?;
    assert_eq!(created.status, 201);
    let created = created.json();
    let key = created["key"].as_str().ok_or("no key")?.to_owned();
    assert_eq!(created["scopes"], json!(["public:read", "postings:write"]));
    assert!(key.starts_with(created["prefix"].as_str().unwrap_or("?")));

    let listed = app.call("GET", &keys, &owner.auth()).await?;
    assert!(
        !listed.text().contains(&key),
        "the key is never shown again"
    );
    assert_eq!(listed.json()["items"][0]["last_used_at"], json!(null));

    assert_eq!(
        app.call("GET", "/api/v1/zones", &Auth::ApiKey(key.clone()))
            .await?
            .status,
        200
    );
    assert_eq!(
        app.call("GET", "/api/v1/zones", &Auth::Bearer(key.clone()))
            .await?
            .status,
        200
    );
    let listed = app.call("GET", &keys, &owner.auth()).await?.json();
    assert!(
        listed["items"][0]["last_used_at"].is_string(),
        "use is recorded"
    );

    // The per-key limit: 5 a minute, 2 used above.
    for _ in 0..3 {
        assert_eq!(
            app.call("GET", "/api/v1/zones", &Auth::ApiKey(key.clone()))
                .await?
                .status,
            200
        );
    }
    let limited = app
        .call("GET", "/api/v1/zones", &Auth::ApiKey(key.clone()))
        .await?;
    assert_eq!(
        (limited.status, limited.json()["code"].clone()),
        (429, json!("rate_limited"))
    );
    assert!(limited.header("retry-after").is_some());

    let id = created["id"].as_str().ok_or("no id")?;
    assert_eq!(
        app.call("DELETE", &format!("{keys}/{id}"), &owner.auth())
            .await?
            .status,
        204
    );
    assert_eq!(
        app.call("DELETE", &format!("{keys}/{id}"), &owner.auth())
            .await?
            .status,
        404
    );
    let revoked = app.call("GET", "/api/v1/zones", &Auth::ApiKey(key)).await?;
    assert_eq!(
        (revoked.status, revoked.json()["code"].clone()),
        (401, json!("invalid_api_key"))
    );

    let actions: Vec<_> = app.audit().await?.into_iter().map(|e| e.action).collect();
    assert!(
        actions.contains(&"api_key_created".to_owned())
            && actions.contains(&"api_key_revoked".to_owned())
    );
    Ok(())
}

#[actix_web::test]
async fn admins_make_staff_and_the_grant_is_audited() -> TestResult {
    let app = TestApp::spawn().await?;
    let admin = app.account(AccountRole::Admin, "admin@example.vn").await?;
    let body = json!({ "email": "canbo@example.vn", "password": "mật khẩu cán bộ", "display_name": "Cán bộ Trung tâm" });
    let res = app
        .json("POST", "/api/v1/staff", &admin.auth(), &body)
        .await?;
    assert_eq!(
        (res.status, res.json()["role"].clone()),
        (201, json!("staff"))
    );
    let staff = app.login("canbo@example.vn", "mật khẩu cán bộ").await?;
    let me = app.call("GET", "/api/v1/me", &staff.auth()).await?.json();
    assert_eq!(me["roles"], json!(["staff"]));
    assert_eq!(
        app.json("POST", "/api/v1/staff", &admin.auth(), &body)
            .await?
            .status,
        409
    );
    assert!(
        app.audit()
            .await?
            .iter()
            .any(|e| e.action == "role_granted" && e.details["role"] == "staff")
    );
    Ok(())
}

/// The demo staff, enterprise HR and school members sign in (twice seeded, added once) and land
/// in their workspaces: staff see the moderation queue, the members their organisation's drafts.
#[actix_web::test]
async fn the_demo_staff_and_members_sign_in_to_their_workspaces() -> TestResult {
    let app = TestApp::spawn().await?;
    app.seed_demo().await?;
    let hash = labour_api::auth::password::Hasher::new(256, 1, 1)
        .map_err(|e| format!("{e:?}"))?
        .hash_now(labour_tests::PASSWORD)?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    assert_eq!(labour_store::demo_members::seed(&mut conn, &hash).await?, 3);
    assert_eq!(labour_store::demo_members::seed(&mut conn, &hash).await?, 0);
    let [staff, hr, school] =
        ["can.bo", "tuyen.dung", "dao.tao"].map(|name| format!("{name}@demo.example.vn"));
    let staff = app.login(&staff, labour_tests::PASSWORD).await?;
    let queue = app
        .call("GET", "/api/v1/moderation/queue", &staff.auth())
        .await?;
    assert_eq!(queue.status, 200, "{}", queue.text());
    for (email, kind) in [(hr, "enterprise"), (school, "school")] {
        let member = app.login(&email, labour_tests::PASSWORD).await?;
        let me = app.call("GET", "/api/v1/me", &member.auth()).await?.json();
        let orgs = me["organisations"].as_array().cloned().unwrap_or_default();
        assert_eq!(orgs.len(), 1, "{me}");
        assert_eq!(orgs[0]["kind"], kind, "{me}");
        assert_eq!(orgs[0]["verification"], "verified", "{me}");
        let mine = app
            .call("GET", "/api/v1/my/postings", &member.auth())
            .await?;
        assert_eq!(mine.status, 200, "{}", mine.text());
    }
    Ok(())
}

#[actix_web::test]
async fn a_member_of_a_verified_organisation_adds_an_existing_account() -> TestResult {
    let app = TestApp::spawn().await?;
    let owner = app.account(AccountRole::User, "owner@example.vn").await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let colleague = app.account(AccountRole::User, "lan@example.vn").await?;
    let stranger = app
        .account(AccountRole::User, "stranger@example.vn")
        .await?;
    let org = app
        .organisation(&owner, enterprise("Doanh nghiệp thành viên", 41))
        .await?;
    let members = format!("/api/v1/organisations/{org}/members");
    let add = |who: &str| json!({ "identifier": who });

    // Pending: not vetted yet, so it cannot add anyone.
    let res = app
        .json("POST", &members, &owner.auth(), &add("lan@example.vn"))
        .await?;
    assert_eq!(
        (res.status, res.json()["code"].clone()),
        (409, json!("organisation_unverified")),
        "{}",
        res.text()
    );
    let res = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/verification"),
            &staff.auth(),
            &json!({ "decision": "verified" }),
        )
        .await?;
    assert_eq!(res.status, 200);

    let res = app
        .json("POST", &members, &owner.auth(), &add("nobody@example.vn"))
        .await?;
    assert_eq!(res.status, 422);
    assert_eq!(res.json()["errors"][0]["field"], "identifier");
    assert_eq!(res.json()["errors"][0]["code"], "no_account");
    let res = app
        .json("POST", &members, &owner.auth(), &add("not an address"))
        .await?;
    assert_eq!(res.status, 422);
    // Staff accounts are never members: answered as no account.
    let res = app
        .json("POST", &members, &owner.auth(), &add("staff@example.vn"))
        .await?;
    assert_eq!(res.json()["errors"][0]["code"], "no_account");

    let res = app
        .json("POST", &members, &owner.auth(), &add(" LAN@example.vn "))
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());
    let added = res.json();
    assert_eq!(added["display_name"], "Người thử");
    assert!(added.get("email").is_none() && added.get("phone").is_none());
    let res = app
        .json("POST", &members, &owner.auth(), &add("lan@example.vn"))
        .await?;
    assert_eq!(res.status, 409);

    // Both members see the list; staff may look; others learn nothing.
    for who in [&owner, &colleague, &staff] {
        let res = app.call("GET", &members, &who.auth()).await?;
        assert_eq!(res.status, 200, "{}", res.text());
        let items = res.json()["items"].clone();
        assert_eq!(items.as_array().map(Vec::len), Some(2), "{items}");
        assert!(!res.text().contains("@example.vn"), "no addresses");
    }
    assert_eq!(
        app.call("GET", &members, &stranger.auth()).await?.status,
        404
    );
    assert_eq!(app.call("GET", &members, &Auth::None).await?.status, 401);
    let res = app
        .json("POST", &members, &staff.auth(), &add("stranger@example.vn"))
        .await?;
    assert_eq!(res.status, 403);
    let res = app
        .json(
            "POST",
            &members,
            &stranger.auth(),
            &add("stranger@example.vn"),
        )
        .await?;
    assert_eq!(res.status, 404);
    // The new member acts for the organisation: it can add others in turn.
    let res = app
        .json(
            "POST",
            &members,
            &colleague.auth(),
            &add("stranger@example.vn"),
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());

    let audit = app.audit().await?;
    assert_eq!(
        audit.iter().filter(|e| e.action == "member_added").count(),
        2
    );
    Ok(())
}

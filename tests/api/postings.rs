//! Postings over HTTP: the lifecycle with revisions, moderation, reports, expiry, offers,
//! conditional and idempotent writes, and the change feed.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, TestApp, TestResponse, TestResult, job, json, verified_enterprise};

fn id_of(res: &TestResponse) -> Result<String, Box<dyn std::error::Error>> {
    Ok(res.json()["id"]
        .as_str()
        .ok_or_else(|| format!("no id in {}", res.text()))?
        .to_owned())
}

fn etag(res: &TestResponse) -> String {
    res.header("etag").unwrap_or("").to_owned()
}

/// The whole feed once it has `n` events. Events appear once every older transaction on the
/// server has ended (tests in parallel run theirs), so this waits a little for them.
async fn feed(
    app: &TestApp,
    n: usize,
) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    loop {
        let res = app
            .call("GET", "/api/v1/feed?limit=500", &Auth::None)
            .await?;
        let events: Vec<(String, String)> = res.json()["events"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let field = |k: &str| e[k].as_str().unwrap_or("").to_owned();
                (field("change"), field("posting_id"))
            })
            .collect();
        if events.len() >= n || started.elapsed() > std::time::Duration::from_secs(10) {
            return Ok(events);
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[actix_web::test]
async fn a_job_goes_through_review_revision_report_and_closing_with_every_step_audited()
-> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 1).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;

    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &job("Thợ hàn điện"),
        )
        .await?;
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.json()["state"], "draft");
    let id = id_of(&created)?;
    let path = format!("/api/v1/postings/{id}");
    assert_eq!(
        app.call("GET", &path, &Auth::None).await?.status,
        404,
        "drafts are private"
    );

    let submitted = app
        .call("POST", &format!("{path}/submit"), &owner.auth())
        .await?;
    assert_eq!(submitted.json()["state"], "pending");
    let queue = app
        .call("GET", "/api/v1/moderation/queue", &staff.auth())
        .await?
        .json();
    assert_eq!(queue["items"][0]["id"], json!(id));
    assert_eq!(queue["items"][0]["review"], "new");

    let approved = app
        .call("POST", &format!("{path}/approve"), &staff.auth())
        .await?;
    assert_eq!(approved.json()["state"], "published");
    let public = app.call("GET", &path, &Auth::None).await?;
    assert_eq!(public.status, 200);
    assert!(
        public.json().get("flags").is_none() && public.json().get("report_count").is_none(),
        "private fields stay private"
    );
    assert_eq!(
        feed(&app, 1).await?,
        vec![("upsert".to_owned(), id.clone())]
    );

    // An edit of a published job is reviewed while the approved version stays public.
    let mut edited = job("Thợ hàn điện (tăng lương)");
    edited["salary"] = json!({ "type": "range", "min_vnd": 10000000, "max_vnd": 14000000 });
    let res = app
        .send_json(
            "PUT",
            &path,
            &owner.auth(),
            &[("if-match", &etag(&public))],
            &edited,
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["revision"]["title"], "Thợ hàn điện (tăng lương)");
    assert_eq!(
        app.call("GET", &path, &Auth::None).await?.json()["content"]["title"],
        "Thợ hàn điện"
    );
    let queue = app
        .call("GET", "/api/v1/moderation/queue", &staff.auth())
        .await?
        .json();
    assert_eq!(queue["items"][0]["review"], "revision");
    app.call("POST", &format!("{path}/approve"), &staff.auth())
        .await?;
    let public = app.call("GET", &path, &Auth::None).await?;
    assert_eq!(
        public.json()["content"]["title"],
        "Thợ hàn điện (tăng lương)"
    );
    assert_eq!(
        feed(&app, 2).await?.len(),
        2,
        "the approved revision is a change in the feed"
    );

    // Reports: once per person; they bring the posting to staff.
    let report = json!({ "reason": "asks_for_money", "note": "Bắt nộp tiền đồng phục" });
    assert_eq!(
        app.json("POST", &format!("{path}/reports"), &worker.auth(), &report)
            .await?
            .status,
        202
    );
    assert_eq!(
        app.json("POST", &format!("{path}/reports"), &worker.auth(), &report)
            .await?
            .status,
        409
    );
    assert_eq!(
        app.json("POST", &format!("{path}/reports"), &Auth::None, &report)
            .await?
            .status,
        401
    );
    let queue = app
        .call(
            "GET",
            "/api/v1/moderation/queue?reported=true",
            &staff.auth(),
        )
        .await?
        .json();
    assert_eq!(
        (
            queue["items"][0]["review"].clone(),
            queue["items"][0]["report_count"].clone()
        ),
        (json!("reports"), json!(1))
    );

    let closed = app
        .call("POST", &format!("{path}/close"), &owner.auth())
        .await?;
    assert_eq!(closed.json()["state"], "closed");
    assert_eq!(app.call("GET", &path, &Auth::None).await?.status, 404);
    assert_eq!(
        feed(&app, 3).await?.last(),
        Some(&("delete".to_owned(), id.clone()))
    );
    assert_eq!(
        app.call("POST", &format!("{path}/submit"), &owner.auth())
            .await?
            .status,
        409,
        "closed stays closed"
    );

    let history = app
        .call("GET", &format!("{path}/history"), &owner.auth())
        .await?
        .json();
    let actions: Vec<_> = history["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| h["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        actions,
        vec![
            "posting_create",
            "posting_submit",
            "posting_approve",
            "posting_edit",
            "posting_approve",
            "posting_reported",
            "posting_close"
        ]
    );
    assert_eq!(
        app.call("GET", &format!("{path}/history"), &worker.auth())
            .await?
            .status,
        404
    );
    Ok(())
}

#[actix_web::test]
async fn rejection_reason_reaches_the_owner_and_an_edit_sends_it_back_to_review() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 2).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &job("Công nhân lắp ráp"),
        )
        .await?;
    let path = format!("/api/v1/postings/{}", id_of(&created)?);
    app.call("POST", &format!("{path}/submit"), &owner.auth())
        .await?;

    let no_reason = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason": "" }),
        )
        .await?;
    assert_eq!(no_reason.status, 422);
    let rejected = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason": "Thiếu địa chỉ làm việc" }),
        )
        .await?;
    assert_eq!(rejected.json()["state"], "rejected");
    let seen = app.call("GET", &path, &owner.auth()).await?;
    assert_eq!(seen.json()["moderation_reason"], "Thiếu địa chỉ làm việc");
    // The body of before the reason codes: its reason is the note of `other`.
    assert_eq!(seen.json()["moderation_reason_code"], "other");

    let mut fixed = job("Công nhân lắp ráp");
    fixed["address"] = json!("Lô B2, KCN Đồng Bành");
    let res = app
        .send_json(
            "PUT",
            &path,
            &owner.auth(),
            &[("if-match", &etag(&seen))],
            &fixed,
        )
        .await?;
    assert_eq!(res.json()["state"], "pending");
    let removed = app
        .json(
            "POST",
            &format!("{path}/remove"),
            &staff.auth(),
            &json!({ "reason": "Tin trùng lặp" }),
        )
        .await?;
    assert_eq!(removed.json()["state"], "removed");
    Ok(())
}

#[actix_web::test]
async fn a_rejection_carries_a_public_reason_code_and_a_note_the_owner_reads() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 2).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &job("Thợ may công nghiệp"),
        )
        .await?;
    let path = format!("/api/v1/postings/{}", id_of(&created)?);
    app.call("POST", &format!("{path}/submit"), &owner.auth())
        .await?;

    // A code the contract does not list is a field error on `reason_code`.
    let unknown = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason_code": "spam", "reason": "Tin rác" }),
        )
        .await?;
    assert_eq!(unknown.status, 422, "{}", unknown.text());
    assert_eq!(unknown.json()["code"], "validation_failed");
    assert_eq!(unknown.json()["errors"][0]["field"], "reason_code");
    assert_eq!(unknown.json()["errors"][0]["code"], "unknown_value");
    // `other` says nothing by itself: its note is required.
    let bare_other = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason_code": "other" }),
        )
        .await?;
    assert_eq!(bare_other.status, 422);
    assert_eq!(bare_other.json()["errors"][0]["field"], "reason");
    // A note, when given, still needs 3 characters.
    let short = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason_code": "incomplete", "reason": "x" }),
        )
        .await?;
    assert_eq!(short.status, 422);
    assert_eq!(short.json()["errors"][0]["field"], "reason");

    let rejected = app
        .json(
            "POST",
            &format!("{path}/reject"),
            &staff.auth(),
            &json!({ "reason_code": "wrong_information", "reason": "Mức lương ghi sai đơn vị" }),
        )
        .await?;
    assert_eq!(rejected.status, 200, "{}", rejected.text());
    assert_eq!(rejected.json()["state"], "rejected");
    let seen = app.call("GET", &path, &owner.auth()).await?.json();
    assert_eq!(seen["moderation_reason_code"], "wrong_information");
    assert_eq!(seen["moderation_reason"], "Mức lương ghi sai đơn vị");
    let history = app
        .call("GET", &format!("{path}/history"), &staff.auth())
        .await?;
    assert!(
        history
            .text()
            .contains("\"reason_code\":\"wrong_information\""),
        "{}",
        history.text()
    );

    // An edit sends it back to review with the reason kept; a code says enough without a note.
    let mut fixed = job("Thợ may công nghiệp");
    fixed["address"] = json!("Lô C1, KCN Hồng Phong");
    let etag = app
        .call("GET", &path, &owner.auth())
        .await?
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    let res = app
        .send_json("PUT", &path, &owner.auth(), &[("if-match", &etag)], &fixed)
        .await?;
    assert_eq!(res.json()["state"], "pending");
    assert_eq!(res.json()["moderation_reason_code"], "wrong_information");
    let removed = app
        .json(
            "POST",
            &format!("{path}/remove"),
            &staff.auth(),
            &json!({ "reason_code": "duplicate" }),
        )
        .await?;
    assert_eq!(removed.status, 200, "{}", removed.text());
    let seen = app.call("GET", &path, &owner.auth()).await?.json();
    assert_eq!(seen["state"], "removed");
    assert_eq!(seen["moderation_reason_code"], "duplicate");
    assert!(seen.get("moderation_reason").is_none(), "{seen}");
    Ok(())
}

#[actix_web::test]
async fn postings_of_an_unverified_organisation_wait_for_its_verification() -> TestResult {
    let app = TestApp::spawn().await?;
    let owner = app.account(AccountRole::User, "new@example.vn").await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let org = app
        .organisation(&owner, labour_tests::enterprise("Doanh nghiệp mới", 3))
        .await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &job("Nhân viên kho"),
        )
        .await?;
    let path = format!("/api/v1/postings/{}", id_of(&created)?);
    app.call("POST", &format!("{path}/submit"), &owner.auth())
        .await?;
    let queue = app
        .call("GET", "/api/v1/moderation/queue", &staff.auth())
        .await?
        .json();
    assert_eq!(queue["items"][0]["organisation_verification"], "pending");
    let res = app
        .call("POST", &format!("{path}/approve"), &staff.auth())
        .await?;
    assert_eq!(
        (res.status, res.json()["code"].clone()),
        (409, json!("organisation_unverified"))
    );
    app.json(
        "POST",
        &format!("/api/v1/organisations/{org}/verification"),
        &staff.auth(),
        &json!({ "decision": "verified" }),
    )
    .await?;
    assert_eq!(
        app.call("POST", &format!("{path}/approve"), &staff.auth())
            .await?
            .status,
        200
    );
    Ok(())
}

#[actix_web::test]
async fn deadlines_expire_published_postings() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 4).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let id = app
        .publish(org, &owner, &staff, &job("Lái xe nâng"))
        .await?;
    let path = format!("/api/v1/postings/{id}");

    // The deadline passes (set directly: the API refuses a past deadline).
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE postings SET deadline = current_date - 1 WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .await?;
    let pool = labour_store::db::pool(app.db.url(), 1)?;
    assert_eq!(labour_app::jobs::expiry::run_once(&pool).await?, 1);
    assert_eq!(labour_app::jobs::expiry::run_once(&pool).await?, 0, "once");

    assert_eq!(app.call("GET", &path, &Auth::None).await?.status, 404);
    assert_eq!(
        app.call("GET", &path, &owner.auth()).await?.json()["state"],
        "expired"
    );
    assert_eq!(
        feed(&app, 2).await?.last(),
        Some(&("delete".to_owned(), id.clone()))
    );
    let history = app
        .call("GET", &format!("{path}/history"), &staff.auth())
        .await?
        .json();
    assert_eq!(
        history["items"]
            .as_array()
            .and_then(|a| a.last())
            .map(|h| h["action"].clone()),
        Some(json!("posting_expire"))
    );
    Ok(())
}

#[actix_web::test]
async fn bad_content_gets_field_errors() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 5).await?;
    let mut bad = job("Thợ hàn");
    bad["salary"] = json!({ "type": "range", "min_vnd": 12000000, "max_vnd": 8000000 });
    bad["deadline"] = json!("2020-01-01");
    bad["headcount"] = json!(0);
    bad["occupation_code"] = json!("9999");
    bad["required_level"] = json!("tien_si");
    let res = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &bad,
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    let mut fields: Vec<String> = res.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str().map(str::to_owned))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "deadline",
            "headcount",
            "occupation_code",
            "required_level",
            "salary.max_vnd"
        ]
    );

    let res = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &json!({ "kind": "poem", "title": "x" }),
        )
        .await?;
    assert_eq!(res.status, 422);

    // Enterprises do not post courses.
    let start = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    let course = json!({
        "kind": "course", "title": "Khóa hàn cơ bản", "description": "Học hàn hồ quang tay trong tám tuần.",
        "occupation_code": "7212", "level": "so_cap", "duration_weeks": 8, "start_dates": [start],
        "seats": 30, "tuition_vnd": 0, "mode": "at_school", "certificate": "Chứng chỉ sơ cấp"
    });
    let path = format!("/api/v1/organisations/{org}/postings");
    let res = app.json("POST", &path, &owner.auth(), &course).await?;
    assert_eq!(
        (res.status, res.json()["errors"][0]["field"].clone()),
        (422, json!("kind"))
    );
    Ok(())
}

#[actix_web::test]
async fn money_requests_are_flagged_for_staff_never_rejected() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 6).await?;
    let mut suspicious = job("Tuyển gấp công nhân may");
    suspicious["description"] =
        json!("Người lao động đặt cọc 2 triệu đồng tiền đồng phục khi nhận việc.");
    let res = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &suspicious,
        )
        .await?;
    assert_eq!(res.status, 201);
    assert_eq!(res.json()["flags"], json!(["asks_for_money"]));
    Ok(())
}

#[actix_web::test]
async fn updates_need_if_match_and_parallel_writers_never_overwrite_each_other() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 7).await?;
    let created = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &owner.auth(),
            &job("Thợ điện"),
        )
        .await?;
    let path = format!("/api/v1/postings/{}", id_of(&created)?);
    let tag = etag(&created);

    let missing = app
        .json("PUT", &path, &owner.auth(), &job("Thợ điện 2"))
        .await?;
    assert_eq!(
        (missing.status, missing.json()["code"].clone()),
        (428, json!("precondition_required"))
    );

    // Eight writers read the same version and write at once: exactly one wins.
    let writes = (0..8).map(|i| {
        let (app, path, owner, tag) = (&app, &path, &owner, &tag);
        async move {
            app.send_json(
                "PUT",
                path,
                &owner.auth(),
                &[("if-match", tag)],
                &job(&format!("Thợ điện phiên bản {i}")),
            )
            .await
        }
    });
    let results = futures_util::future::join_all(writes).await;
    let statuses: Vec<u16> = results
        .iter()
        .map(|r| r.as_ref().map_or(0, |r| r.status))
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 412).count(),
        7,
        "{statuses:?}"
    );
    let winner = results
        .iter()
        .flatten()
        .find(|r| r.status == 200)
        .ok_or("no winner")?;
    let now = app.call("GET", &path, &owner.auth()).await?;
    assert_eq!(
        now.json()["content"]["title"],
        winner.json()["content"]["title"]
    );
    assert_eq!(now.json()["version"], 2);

    let stale = app
        .send_json(
            "PUT",
            &path,
            &owner.auth(),
            &[("if-match", &tag)],
            &job("Cập nhật muộn"),
        )
        .await?;
    assert_eq!((stale.status, stale.header("etag")), (412, Some("\"2\"")));
    Ok(())
}

#[actix_web::test]
async fn retried_creates_with_one_idempotency_key_make_one_posting() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 8).await?;
    let path = format!("/api/v1/organisations/{org}/postings");
    let body = job("Công nhân vận hành máy CNC");
    let tries = (0..6).map(|_| {
        let (app, path, owner, body) = (&app, &path, &owner, &body);
        async move {
            app.send_json(
                "POST",
                path,
                &owner.auth(),
                &[("idempotency-key", "tao-tin-cnc-1")],
                body,
            )
            .await
        }
    });
    let results = futures_util::future::join_all(tries).await;
    let ids: Vec<String> = results
        .iter()
        .flatten()
        .filter(|r| r.status == 201)
        .filter_map(|r| id_of(r).ok())
        .collect();
    assert_eq!(ids.len(), 6, "every retry answers 201");
    assert!(ids.iter().all(|i| *i == ids[0]), "{ids:?}");
    let mine = app
        .call("GET", "/api/v1/my/postings", &owner.auth())
        .await?
        .json();
    assert_eq!(mine["total"], 1);

    let other = app
        .send_json(
            "POST",
            &path,
            &owner.auth(),
            &[("idempotency-key", "tao-tin-cnc-1")],
            &job("Một tin khác hẳn"),
        )
        .await?;
    assert_eq!(
        (other.status, other.json()["code"].clone()),
        (422, json!("idempotency_key_reused"))
    );
    Ok(())
}

#[actix_web::test]
async fn a_school_answers_a_training_need_and_the_enterprise_accepts() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 9).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let teacher = app.account(AccountRole::User, "school@example.vn").await?;
    let school = app
        .organisation(
            &teacher,
            json!({ "kind": "school", "name": "Trường Trung cấp thử", "licence_number": "GDNN-9" }),
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
    let path = format!(
        "/api/v1/postings/{}",
        app.publish(org, &owner, &staff, &need).await?
    );

    let offer = json!({ "school_id": school, "proposal": "Khóa sơ cấp 8 tuần tại doanh nghiệp, học ca tối." });
    assert_eq!(
        app.json("POST", &format!("{path}/offers"), &owner.auth(), &offer)
            .await?
            .status,
        403,
        "enterprises do not offer"
    );
    let made = app
        .json("POST", &format!("{path}/offers"), &teacher.auth(), &offer)
        .await?;
    assert_eq!(made.status, 201, "{}", made.text());
    assert_eq!(
        app.json("POST", &format!("{path}/offers"), &teacher.auth(), &offer)
            .await?
            .status,
        409
    );

    let offers = app
        .call("GET", &format!("{path}/offers"), &owner.auth())
        .await?
        .json();
    assert_eq!(offers["items"][0]["school_name"], "Trường Trung cấp thử");
    // The enterprise's members were told an offer arrived.
    let told = app
        .call("GET", "/api/v1/me/notifications", &owner.auth())
        .await?
        .json();
    assert!(
        told["items"][0]["title"]
            .as_str()
            .is_some_and(|t| t.contains("new offer") && t.contains("thợ điện")),
        "{told}"
    );

    // A second school answers too; each school sees its own offer, never the other's.
    let (other_school, other_teacher) =
        labour_tests::verified_school(&app, "other@example.vn", &staff).await?;
    let other =
        json!({ "school_id": other_school, "proposal": "Khóa 6 tuần tại trường, học cuối tuần." });
    let res = app
        .json(
            "POST",
            &format!("{path}/offers"),
            &other_teacher.auth(),
            &other,
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.text());
    let own = app
        .call("GET", &format!("{path}/offers"), &teacher.auth())
        .await?;
    assert_eq!(own.status, 200, "{}", own.text());
    let own = own.json();
    assert_eq!(own["items"].as_array().map(Vec::len), Some(1), "{own}");
    assert_eq!(own["items"][0]["school_id"], json!(school));
    assert_eq!(own["items"][0]["state"], "open");
    let theirs = app
        .call("GET", &format!("{path}/offers"), &other_teacher.auth())
        .await?
        .json();
    assert_eq!(theirs["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(theirs["items"][0]["school_id"], json!(other_school));
    // A worker, who belongs to no school, still gets the 404 of a private list.
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    assert_eq!(
        app.call("GET", &format!("{path}/offers"), &worker.auth())
            .await?
            .status,
        404
    );

    let offer_id = id_of(&made)?;
    let accepted = app
        .call(
            "POST",
            &format!("/api/v1/offers/{offer_id}/accept"),
            &owner.auth(),
        )
        .await?;
    assert_eq!(accepted.json()["state"], "accepted");
    // The school sees what became of its offer, and was told; the other school too.
    let own = app
        .call("GET", &format!("{path}/offers"), &teacher.auth())
        .await?
        .json();
    assert_eq!(own["items"][0]["state"], "accepted");
    let theirs = app
        .call("GET", &format!("{path}/offers"), &other_teacher.auth())
        .await?
        .json();
    assert_eq!(theirs["items"][0]["state"], "declined");
    for (who, words) in [
        (&teacher, "offer accepted"),
        (&other_teacher, "another offer accepted"),
    ] {
        let told = app
            .call("GET", "/api/v1/me/notifications", &who.auth())
            .await?
            .json();
        assert!(
            told["items"][0]["title"]
                .as_str()
                .is_some_and(|t| t.contains(words)),
            "{told}"
        );
    }
    Ok(())
}

#[actix_web::test]
async fn an_api_key_writes_only_with_its_scope_and_only_for_its_organisation() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 10).await?;
    let (other, _) = verified_enterprise(&app, "other@example.vn", 11).await?;
    let keys = format!("/api/v1/organisations/{org}/api-keys");
    let write = app
        .json(
            "POST",
            &keys,
            &owner.auth(),
            &json!({ "name": "HR app", "scopes": ["postings:write"] }),
        )
        .await?
        .json();
    let read = app
        .json("POST", &keys, &owner.auth(), &json!({ "name": "Read app" }))
        .await?
        .json();
    let write = Auth::ApiKey(write["key"].as_str().unwrap_or("").to_owned());
    let read = Auth::ApiKey(read["key"].as_str().unwrap_or("").to_owned());
    assert_eq!(
        app.json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &write,
            &job("Qua ứng dụng")
        )
        .await?
        .status,
        201
    );
    assert_eq!(
        app.json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &read,
            &job("Không được")
        )
        .await?
        .status,
        403
    );
    assert_eq!(
        app.json(
            "POST",
            &format!("/api/v1/organisations/{other}/postings"),
            &write,
            &job("Không được")
        )
        .await?
        .status,
        404
    );
    assert_eq!(
        app.call("GET", "/api/v1/my/postings", &write).await?.json()["total"],
        1
    );
    Ok(())
}

//! Recommendations for workers (jobs that fit, and courses that close a level gap) and their
//! mirror for enterprises (workers who opted in to be found).

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, course, job, json, verified_enterprise, verified_school};

fn worker_profile(name: &str, level: &str, discoverable: bool) -> serde_json::Value {
    json!({
        "full_name": name, "commune_code": "06463", "phone": "0912345678",
        "training_level": level, "skills": ["Hàn MIG"], "desired_occupations": ["7212"],
        "expected_salary_vnd": 9000000, "shift_preferences": ["day"],
        "consents": { "ethnicity": false, "citizen_id": false, "discoverable": discoverable },
        "share_when_discoverable": ["full_name", "training_level", "skills"]
    })
}

fn ids(items: &serde_json::Value, pointer: &str) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| {
                    i.pointer(pointer)
                        .and_then(|v| v.as_str())
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_worker_lacking_the_level_for_a_job_is_shown_the_course_that_leads_to_it() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 11).await?;
    let (school, teacher) = verified_school(&app, "school@example.vn", &staff).await?;

    let mut open_to_all = job("Thợ hàn phụ, không cần bằng");
    open_to_all["required_level"] = json!(null);
    let open_to_all = app.publish(factory, &hr, &staff, &open_to_all).await?;
    let mut skilled = job("Thợ hàn kết cấu bậc trung cấp");
    skilled["required_level"] = json!("trung_cap");
    skilled["skills"] = json!(["hàn mig"]);
    let skilled = app.publish(factory, &hr, &staff, &skilled).await?;
    let mut driver = job("Lái xe nâng");
    driver["occupation_code"] = json!("8344");
    driver["commune_code"] = json!("06040");
    let driver = app.publish(factory, &hr, &staff, &driver).await?;

    let leads_there = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn trung cấp khai giảng sớm", "7212", "trung_cap", 20),
        )
        .await?;
    let later = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn trung cấp khóa sau", "7212", "trung_cap", 120),
        )
        .await?;
    let too_low = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Hàn sơ cấp", "7212", "so_cap", 10),
        )
        .await?;
    let other_trade = app
        .publish(
            school,
            &teacher,
            &staff,
            &course("Điện dân dụng trung cấp", "7411", "trung_cap", 10),
        )
        .await?;
    app.index_now().await?;

    let worker = app.account(AccountRole::User, "nam@example.vn").await?;
    let none = app
        .call("GET", "/api/v1/me/recommendations", &worker.auth())
        .await?;
    assert_eq!(none.status, 404, "no profile yet: {}", none.text());
    app.json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &worker_profile("Hoàng Văn Nam", "duoi_3_thang", false),
    )
    .await?;

    let res = app
        .call("GET", "/api/v1/me/recommendations", &worker.auth())
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let body = res.json();
    let jobs = ids(&body["jobs"], "/posting/id");
    assert_eq!(
        jobs,
        vec![open_to_all.clone()],
        "only the job the worker can take now"
    );
    assert!(
        !jobs.contains(&driver),
        "another trade elsewhere is not suggested"
    );
    let first = &body["jobs"][0];
    let codes: Vec<String> = ids(&first["reasons"], "/code");
    assert!(
        codes.contains(&"same_occupation".to_owned()) && codes.contains(&"same_commune".to_owned()),
        "{codes:?}"
    );
    assert!(
        first["reasons"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("nghề"))
    );

    let gap = &body["gaps"][0];
    assert_eq!(gap["job"]["posting"]["id"], json!(skilled));
    assert_eq!(gap["missing_level"], "trung_cap");
    let courses = ids(&gap["courses"], "/posting/id");
    assert_eq!(
        courses,
        vec![leads_there.clone(), later],
        "the sooner course first: {courses:?}"
    );
    assert!(!courses.contains(&too_low) && !courses.contains(&other_trade));
    let course_reasons = ids(&gap["courses"][0]["reasons"], "/code");
    for code in [
        "course_same_occupation",
        "leads_to_level",
        "starts_soon",
        "course_in_commune",
        "no_tuition",
    ] {
        assert!(
            course_reasons.contains(&code.to_owned()),
            "{code} in {course_reasons:?}"
        );
    }

    let bearer = format!("Bearer {}", worker.access);
    let en = app
        .send(
            "GET",
            "/api/v1/me/recommendations",
            &[
                ("authorization", bearer.as_str()),
                ("accept-language", "en"),
            ],
            None,
        )
        .await?
        .json();
    let text = en["gaps"][0]["courses"][0]["reasons"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|x| x["text"].as_str())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    assert!(
        text.contains("Gives the level the job asks for (Intermediate)"),
        "{text}"
    );

    // Once the worker has the level, the skilled job is a job, not a gap.
    let current = app
        .call("GET", "/api/v1/me/profile", &worker.auth())
        .await?;
    let etag = current.header("etag").unwrap_or_default().to_owned();
    app.send_json(
        "PUT",
        "/api/v1/me/profile",
        &worker.auth(),
        &[("if-match", &etag)],
        &worker_profile("Hoàng Văn Nam", "trung_cap", false),
    )
    .await?;
    let after = app
        .call("GET", "/api/v1/me/recommendations", &worker.auth())
        .await?
        .json();
    let jobs = ids(&after["jobs"], "/posting/id");
    assert_eq!(
        jobs.first(),
        Some(&skilled),
        "skills and level put it first: {jobs:?}"
    );
    assert!(after["gaps"].as_array().is_some_and(Vec::is_empty));
    Ok(())
}

#[actix_web::test]
async fn enterprises_see_only_workers_who_opted_in_and_only_what_they_share() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (factory, hr) = verified_enterprise(&app, "hr@example.vn", 12).await?;
    let (_, rival) = verified_enterprise(&app, "rival@example.vn", 13).await?;
    let id = app.publish(factory, &hr, &staff, &job("Thợ hàn")).await?;

    let mut accounts = Vec::new();
    for (email, level, discoverable) in [
        ("found@example.vn", "trung_cap", true),
        ("private@example.vn", "trung_cap", false),
        ("trainee@example.vn", "duoi_3_thang", true),
    ] {
        let w = app.account(AccountRole::User, email).await?;
        app.json(
            "PUT",
            "/api/v1/me/profile",
            &w.auth(),
            &worker_profile(email, level, discoverable),
        )
        .await?;
        let me = app.call("GET", "/api/v1/me", &w.auth()).await?.json();
        accounts.push(me["id"].as_str().unwrap_or_default().to_owned());
    }
    let mut other_trade = worker_profile("Tài xế", "trung_cap", true);
    other_trade["desired_occupations"] = json!(["8322"]);
    let driver = app.account(AccountRole::User, "driver@example.vn").await?;
    app.json("PUT", "/api/v1/me/profile", &driver.auth(), &other_trade)
        .await?;

    let res = app
        .call(
            "GET",
            &format!("/api/v1/postings/{id}/candidates"),
            &hr.auth(),
        )
        .await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let body = res.json();
    let found = ids(&body["items"], "/worker_id");
    assert_eq!(
        found,
        vec![accounts[0].clone(), accounts[2].clone()],
        "able first, then the trainee"
    );
    assert_eq!(body["items"][1]["missing_level"], "so_cap");
    let shared = &body["items"][0]["shared"];
    assert_eq!(shared["full_name"], "found@example.vn");
    assert!(
        shared.get("phone").is_none() && shared.get("commune_code").is_none(),
        "{shared}"
    );
    assert!(
        !body.to_string().contains("0912345678"),
        "no unshared field anywhere"
    );

    // Nobody else sees the list; no enterprise reads a profile directly.
    for (who, auth) in [("rival", rival.auth()), ("worker", driver.auth())] {
        let res = app
            .call("GET", &format!("/api/v1/postings/{id}/candidates"), &auth)
            .await?;
        assert_eq!(res.status, 404, "{who}");
    }
    for account in &accounts {
        let res = app
            .call(
                "GET",
                &format!("/api/v1/workers/{account}/profile"),
                &hr.auth(),
            )
            .await?;
        assert_eq!(
            res.status, 404,
            "an enterprise cannot read a worker's profile"
        );
    }
    Ok(())
}

#[actix_web::test]
async fn demo_workers_get_real_recommendations_from_the_demo_seed() -> TestResult {
    let app = TestApp::spawn().await?;
    app.seed_demo().await?;
    let hash = labour_api::auth::password::Hasher::new(256, 1, 1)
        .map_err(|e| format!("{e:?}"))?
        .hash_now(labour_tests::PASSWORD)?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    labour_store::demo_postings::seed(&mut conn, chrono::Utc::now().date_naive()).await?;
    assert_eq!(
        labour_store::demo_workers::seed(&mut conn, &hash).await?,
        10
    );
    assert_eq!(
        labour_store::demo_workers::seed(&mut conn, &hash).await?,
        0,
        "seeding twice adds nothing"
    );
    app.index_now().await?;

    let mut with_jobs = 0;
    let mut with_courses = 0;
    for email in labour_store::demo_workers::emails() {
        let session = app.login(email, labour_tests::PASSWORD).await?;
        let res = app
            .call("GET", "/api/v1/me/recommendations", &session.auth())
            .await?;
        assert_eq!(res.status, 200, "{email}: {}", res.text());
        let body = res.json();
        with_jobs += usize::from(body["jobs"].as_array().is_some_and(|j| !j.is_empty()));
        with_courses += usize::from(body["gaps"].as_array().is_some_and(|g| {
            g.iter()
                .any(|gap| gap["courses"].as_array().is_some_and(|c| !c.is_empty()))
        }));
    }
    assert_eq!(with_jobs, 10, "every demo worker gets jobs");
    assert!(
        with_courses >= 7,
        "{with_courses} of 10 demo workers are shown a course to a better job"
    );
    Ok(())
}

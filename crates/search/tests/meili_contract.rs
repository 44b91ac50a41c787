//! Contract tests of the Meilisearch engine: the requests it sends, checked against a small
//! HTTP server that plays Meilisearch (Meilisearch itself cannot be installed on these machines).
//! With `MEILI_URL` set, the conformance suite also runs against that real server.

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use labour_domain::posting::Kind;
use labour_search::meili::MeiliEngine;
use labour_search::{Attribute, Filter, SearchEngine, SearchRequest, Sort};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[derive(Default)]
struct Mock {
    requests: Vec<(String, String, Value)>,
    next_task: u32,
    /// Tasks that finish as failed.
    failing: Vec<u32>,
    fail_next_task: bool,
}

type Shared = Arc<Mutex<Mock>>;

fn task_info(uid: u32, index: &str) -> Value {
    json!({ "taskUid": uid, "indexUid": index, "status": "enqueued", "type": "indexCreation", "enqueuedAt": "2026-11-29T00:00:00Z" })
}

async fn handle(req: HttpRequest, body: web::Bytes, mock: web::Data<Shared>) -> HttpResponse {
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut m = match mock.lock() {
        Ok(m) => m,
        Err(_) => return HttpResponse::InternalServerError().finish(),
    };
    m.requests
        .push((method.clone(), path.clone(), body.clone()));
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["tasks", uid]) => {
            let uid: u32 = uid.parse().unwrap_or(0);
            let base = json!({
                "uid": uid, "indexUid": "x", "type": "indexCreation", "details": null, "duration": "PT0.001S",
                "enqueuedAt": "2026-11-29T00:00:00Z", "startedAt": "2026-11-29T00:00:00Z",
                "finishedAt": "2026-11-29T00:00:01Z", "canceledBy": null
            });
            let mut task = base;
            if m.failing.contains(&uid) {
                task["status"] = json!("failed");
                task["error"] = json!({ "message": "Index `x` not found.", "code": "index_not_found", "type": "invalid_request", "link": "https://docs.meilisearch.com/errors#index_not_found" });
            } else {
                task["status"] = json!("succeeded");
                task["error"] = Value::Null;
            }
            HttpResponse::Ok().json(task)
        }
        ("POST", ["indexes", index, "search"]) => {
            let _ = index;
            HttpResponse::Ok().json(json!({
                "hits": [], "query": body["q"], "processingTimeMs": 1, "hitsPerPage": 20, "page": 1,
                "totalPages": 0, "totalHits": 0, "facetDistribution": { "zone_id": { "z1": 2 } }
            }))
        }
        ("GET", ["indexes", _, "stats"]) => HttpResponse::Ok().json(json!({
            "numberOfDocuments": 7, "numberOfEmbeddedDocuments": 0, "numberOfEmbeddings": 0,
            "isIndexing": false, "fieldDistribution": {}
        })),
        _ => {
            m.next_task += 1;
            let uid = m.next_task;
            if m.fail_next_task {
                m.fail_next_task = false;
                m.failing.push(uid);
            }
            let index = parts
                .get(1)
                .copied()
                .unwrap_or_else(|| body["uid"].as_str().unwrap_or(""));
            HttpResponse::Accepted().json(task_info(uid, index))
        }
    }
}

async fn start()
-> Result<(String, Shared, actix_web::dev::ServerHandle), Box<dyn std::error::Error>> {
    let shared: Shared = Arc::default();
    let data = web::Data::new(shared.clone());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .default_service(web::to(handle))
    })
    .workers(1)
    .bind("127.0.0.1:0")?;
    let addr = server.addrs()[0];
    let server = server.run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    Ok((format!("http://{addr}"), shared, handle))
}

fn requests(shared: &Shared) -> Vec<(String, String, Value)> {
    shared
        .lock()
        .map(|m| m.requests.clone())
        .unwrap_or_default()
}

#[actix_web::test]
async fn settings_are_pushed_to_each_index_and_every_task_is_waited_for() -> TestResult {
    let (url, shared, _server) = start().await?;
    let engine = MeiliEngine::new(&url, Some("key"), "t_")?;
    engine.ensure_settings().await?;
    let sent = requests(&shared);
    let settings: Vec<_> = sent
        .iter()
        .filter(|(m, p, _)| m == "PATCH" && p.ends_with("/settings"))
        .collect();
    let indexes: Vec<&str> = settings.iter().map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(
        indexes,
        vec![
            "/indexes/t_jobs/settings",
            "/indexes/t_courses/settings",
            "/indexes/t_training_needs/settings"
        ]
    );
    let body = &settings[0].2;
    assert_eq!(
        body["filterableAttributes"].as_array().map(Vec::len),
        Some(14)
    );
    assert!(
        body["synonyms"]["forklift"]
            .as_array()
            .is_some_and(|a| a.iter().any(|v| v == "lai xe nang"))
    );
    assert_eq!(body["rankingRules"][0], "words");
    // Every write (3 creations, 3 settings) was followed by a wait on its task.
    let waits = sent
        .iter()
        .filter(|(m, p, _)| m == "GET" && p.starts_with("/tasks/"))
        .count();
    assert!(waits >= 6, "{waits} task polls");
    Ok(())
}

#[actix_web::test]
async fn filters_are_quoted_so_values_never_become_syntax() -> TestResult {
    let (url, shared, _server) = start().await?;
    let engine = MeiliEngine::new(&url, None, "t_")?;
    let request = SearchRequest {
        kinds: vec![Kind::Job],
        query: "zone = 1 AND".into(),
        filters: vec![
            Filter::AnyOf(Attribute::ZoneId, vec![r#"a" OR kind = "x"#.into()]),
            Filter::SalaryAtLeast(8_000_000),
        ],
        facets: vec![Attribute::ZoneId],
        sort: Sort::Salary,
        offset: 20,
        limit: 20,
    };
    let results = engine.search(request).await?;
    assert_eq!(results.facets[0].counts, vec![("z1".to_owned(), 2)]);
    let sent = requests(&shared);
    let (_, path, body) = sent
        .iter()
        .find(|(m, p, _)| m == "POST" && p.ends_with("/search"))
        .ok_or("no search sent")?;
    assert_eq!(path, "/indexes/t_jobs/search");
    assert_eq!(
        body["filter"],
        r#"(zone_id IN ["a\" OR kind = \"x"]) AND (salary_max_vnd >= 8000000)"#
    );
    assert_eq!(body["q"], "zone = 1 AND", "the query text is sent as text");
    assert_eq!(body["sort"], json!(["salary_max_vnd:desc"]));
    assert_eq!(
        (body["page"].clone(), body["hitsPerPage"].clone()),
        (json!(2), json!(20))
    );
    Ok(())
}

#[actix_web::test]
async fn a_failed_task_is_an_error_so_the_outbox_keeps_the_work() -> TestResult {
    let (url, shared, _server) = start().await?;
    let engine = MeiliEngine::new(&url, None, "t_")?;
    if let Ok(mut m) = shared.lock() {
        m.fail_next_task = true;
    }
    let docs = labour_search::conformance::corpus()
        .into_iter()
        .filter(|d| d.kind == Kind::Job)
        .collect();
    let err = engine
        .upsert(docs)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("index_not_found") || err.contains("not found"),
        "{err}"
    );
    let sent = requests(&shared);
    let (_, path, body) = sent
        .iter()
        .find(|(m, _, _)| m == "POST" || m == "PUT")
        .ok_or("no documents sent")?;
    assert!(path.starts_with("/indexes/t_jobs/documents"), "{path}");
    let first = &body[0];
    assert!(
        first["deadline_day"].is_i64() && first["published_at_ms"].is_i64(),
        "{first}"
    );
    assert!(
        first.get("contact").is_none(),
        "only the document's own fields"
    );
    Ok(())
}

#[actix_web::test]
async fn an_unreachable_server_is_an_error_not_a_hang() -> TestResult {
    let engine = MeiliEngine::new("http://127.0.0.1:1", None, "t_")?;
    let err = engine.count(Kind::Job).await.err().ok_or("no error")?;
    assert!(matches!(err, labour_search::Error::Unavailable(_)), "{err}");
    Ok(())
}

/// The shared suite against a real Meilisearch, when one is configured.
#[actix_web::test]
async fn conformance_against_a_real_meilisearch_when_configured() -> TestResult {
    let Ok(url) = std::env::var("MEILI_URL") else {
        eprintln!("MEILI_URL not set: the conformance suite ran only against the embedded engine");
        return Ok(());
    };
    let key = std::env::var("MEILI_MASTER_KEY").ok();
    let prefix = format!("conformance_{}_", uuid::Uuid::now_v7().simple());
    let engine = MeiliEngine::new(&url, key.as_deref(), &prefix)?;
    labour_search::conformance::run(&engine).await?;
    Ok(())
}

#[actix_web::test]
async fn a_rebuild_swaps_staging_indexes_in_and_deletes_the_old_ones() -> TestResult {
    let (url, shared, _server) = start().await?;
    let live = MeiliEngine::new(&url, None, "t_")?;
    let staging = live.staging();
    assert_eq!(staging.uid(Kind::Job), "t_rebuild_jobs");
    live.swap_from(&staging).await?;
    let sent = requests(&shared);
    let (_, _, body) = sent
        .iter()
        .find(|(m, p, _)| m == "POST" && p == "/swap-indexes")
        .ok_or("no swap")?;
    assert_eq!(body[0]["indexes"], json!(["t_jobs", "t_rebuild_jobs"]));
    assert_eq!(body.as_array().map(Vec::len), Some(3));
    let deleted: Vec<&str> = sent
        .iter()
        .filter(|(m, _, _)| m == "DELETE")
        .map(|(_, p, _)| p.as_str())
        .collect();
    assert_eq!(
        deleted,
        vec![
            "/indexes/t_rebuild_jobs",
            "/indexes/t_rebuild_courses",
            "/indexes/t_rebuild_training_needs"
        ]
    );
    Ok(())
}

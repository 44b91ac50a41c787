//! The committed contract matches the code, the server serves it, and the docs render.

use labour_tests::{TestApp, TestResult};

fn committed() -> Result<String, std::io::Error> {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../openapi/openapi.json"
    ))
}

#[test]
fn committed_openapi_matches_the_code() -> TestResult {
    let generated = labour_api::openapi::spec_json()?;
    let committed = committed()?;
    assert!(
        generated == committed,
        "openapi/openapi.json is out of date: run `cargo run -p labour-api --bin labour-market -- \
         openapi --output openapi/openapi.json` and commit it"
    );
    Ok(())
}

#[actix_web::test]
async fn served_contract_and_docs() -> TestResult {
    let app = TestApp::spawn().await?;
    let served = app.get("/openapi.json").await?;
    assert_eq!(served.status, 200);
    let committed: serde_json::Value = serde_json::from_str(&committed()?)?;
    assert_eq!(served.json(), committed);

    // Every operation is named after its handler, and every path has one.
    let paths = committed["paths"].as_object().cloned().unwrap_or_default();
    assert!(paths.contains_key("/api/v1/zones") && paths.contains_key("/health"));
    for (path, item) in &paths {
        for (_, op) in item.as_object().into_iter().flatten() {
            assert!(
                op["operationId"].as_str().is_some_and(|id| !id.is_empty()),
                "{path}"
            );
        }
    }

    let redirect = app.get("/docs").await?;
    assert_eq!(
        (redirect.status, redirect.header("location")),
        (308, Some("/docs/"))
    );
    let docs = app.get("/docs/").await?;
    assert_eq!(docs.status, 200);
    assert!(
        docs.text().contains("swagger-ui"),
        "the page loads Swagger UI from the binary"
    );
    let script = app.get("/docs/swagger-ui-bundle.js").await?;
    assert_eq!(
        script.status, 200,
        "assets are served by the binary, not a CDN"
    );
    assert!(!docs.text().contains("https://"), "no external assets");
    Ok(())
}

/// Every number a request can carry in a query string or a path is documented with its range,
/// so a client knows what is accepted and a new parameter cannot arrive unbounded. (`page` is
/// bounded by the deep-paging rule, which depends on `per_page`.)
#[test]
fn every_numeric_parameter_has_a_documented_range() -> TestResult {
    let spec: serde_json::Value = serde_json::from_str(&labour_api::openapi::spec_json()?)?;
    let mut unbounded = Vec::new();
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let schema = &p["schema"];
                let numeric = ["integer", "number"].iter().any(|t| {
                    schema["type"] == *t
                        || schema["type"]
                            .as_array()
                            .is_some_and(|a| a.contains(&serde_json::json!(t)))
                });
                if numeric
                    && p["name"] != "page"
                    && (schema["minimum"].is_null() || schema["maximum"].is_null())
                {
                    unbounded.push(format!("{method} {path} {}", p["name"]));
                }
            }
        }
    }
    assert!(unbounded.is_empty(), "no documented range: {unbounded:#?}");
    Ok(())
}

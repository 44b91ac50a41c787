//! The committed contract matches the code, the server serves it, and the docs render.

use labour_tests::{TestApp, TestResult, json};

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

type Json = serde_json::Value;

/// Every operation of the committed contract: (method, path, operation).
fn operations(spec: &Json) -> Vec<(String, String, Json)> {
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            ops.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    ops
}

fn resolve<'a>(spec: &'a Json, schema: &'a Json) -> &'a Json {
    match schema["$ref"].as_str() {
        Some(r) => spec
            .pointer(r.trim_start_matches('#'))
            .map_or(schema, |s| resolve(spec, s)),
        None => schema,
    }
}

/// The example a client (or Swagger UI) builds from the contract: the schema's own example, or
/// one made from its properties' examples, with a plausible value where there is none.
fn example(spec: &Json, schema: &Json) -> Json {
    let schema = resolve(spec, schema);
    if let Some(e) = schema.get("example").or_else(|| schema["examples"].get(0)) {
        return e.clone();
    }
    if let Some(v) = schema["enum"].get(0) {
        return v.clone();
    }
    if let Some(first) = schema["oneOf"].get(0).or_else(|| schema["anyOf"].get(0)) {
        return example(spec, first);
    }
    let types: Vec<&str> = match &schema["type"] {
        Json::String(t) => vec![t.as_str()],
        Json::Array(ts) => ts.iter().filter_map(Json::as_str).collect(),
        _ => vec!["object"],
    };
    match types.iter().copied().find(|t| *t != "null") {
        Some("string") => match schema["format"].as_str() {
            Some("uuid") => json!(uuid::Uuid::now_v7()),
            Some("date") => json!("2026-06-01"),
            Some("date-time") => json!("2026-06-01T00:00:00Z"),
            _ => json!("một giá trị ví dụ"),
        },
        Some("integer" | "number") => json!(schema["minimum"].as_i64().unwrap_or(1).max(1)),
        Some("boolean") => json!(true),
        Some("array") => json!([example(spec, &schema["items"])]),
        _ => {
            let mut object = serde_json::Map::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                object.insert(name.clone(), example(spec, property));
            }
            Json::Object(object)
        }
    }
}

/// A concrete path for a templated one: a fresh id, a year, an occupation code.
fn fill(path: &str, op: &Json) -> String {
    let mut out = path.to_owned();
    for p in op["parameters"].as_array().into_iter().flatten() {
        if p["in"] != "path" {
            continue;
        }
        let name = p["name"].as_str().unwrap_or_default();
        let value = match (p["schema"]["type"].as_str(), p["schema"]["format"].as_str()) {
            (_, Some("uuid")) => uuid::Uuid::now_v7().to_string(),
            (Some("integer"), _) => "2025".to_owned(),
            _ if name == "code" => "7212".to_owned(),
            _ => "it_skills_share".to_owned(),
        };
        out = out.replace(&format!("{{{name}}}"), &value);
    }
    out
}

#[test]
fn every_operation_lists_the_answers_of_the_edge() -> TestResult {
    let spec: Json = serde_json::from_str(&committed()?)?;
    let mut missing = Vec::new();
    for (method, path, op) in operations(&spec) {
        let params = op["parameters"].as_array().is_some_and(|p| !p.is_empty());
        let body = op.get("requestBody").is_some();
        let mut wanted = vec!["401", "429", "500", "503"];
        if params || body {
            wanted.push("400");
        }
        if body {
            wanted.extend(["413", "415", "422"]);
        }
        let conditional = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p["name"] == "If-Match");
        if conditional {
            wanted.push("412");
        }
        for status in wanted {
            let response = &op["responses"][status];
            let problem = response["content"]["application/problem+json"]["schema"]["$ref"]
                == "#/components/schemas/Problem";
            if !problem {
                missing.push(format!("{method} {path} {status}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "answers the edge gives but the contract does not list (as problem+json): {missing:?}"
    );
    Ok(())
}

#[test]
fn numbers_are_documented_with_the_bounds_they_are_read_with() -> TestResult {
    let spec: Json = serde_json::from_str(&committed()?)?;
    for (method, path, op) in operations(&spec) {
        for p in op["parameters"].as_array().into_iter().flatten() {
            let (name, schema) = (p["name"].as_str().unwrap_or_default(), &p["schema"]);
            if name == "page" || name == "per_page" {
                assert!(
                    schema["type"] == "integer"
                        && schema["minimum"] == 1
                        && schema["maximum"].as_u64().is_some_and(|m| m <= 10_000),
                    "{method} {path} {name}: {schema}"
                );
            }
            // `int32` says at most 2147483647: an unsigned number read as u32 takes more.
            if schema["minimum"] == 0 {
                assert!(
                    schema["format"] != "int32" && schema["format"] != "int64",
                    "{method} {path} {name}: {schema}"
                );
            }
        }
    }
    Ok(())
}

#[actix_web::test]
async fn every_example_body_in_the_contract_is_accepted() -> TestResult {
    let app = TestApp::spawn().await?;
    let spec: Json = serde_json::from_str(&committed()?)?;
    let mut refused = Vec::new();
    for (method, path, op) in operations(&spec) {
        let Some(schema) = op["requestBody"]["content"]["application/json"].get("schema") else {
            continue;
        };
        // A body documented only as "an object" gives no example to send.
        let described = resolve(&spec, schema);
        if described.get("properties").is_none() && described.get("example").is_none() {
            continue;
        }
        let body = example(&spec, schema);
        let res = app
            .json(&method, &fill(&path, &op), &labour_tests::Auth::None, &body)
            .await?;
        // The shape is read before anything else, so even an operation that needs a caller
        // answers 422 to an example that does not fit its own schema. The public ones go on to
        // check the fields too.
        if matches!(res.status, 400 | 415 | 422) {
            refused.push(format!(
                "{method} {path} {body} -> {} {}",
                res.status,
                res.text()
            ));
        }
    }
    assert!(
        refused.is_empty(),
        "examples the contract gives but the API refuses: {refused:#?}"
    );
    Ok(())
}

#[actix_web::test]
async fn closed_sets_in_query_strings_are_documented_with_their_values() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app
        .account(
            labour_store::accounts::AccountRole::Admin,
            "admin@example.vn",
        )
        .await?;
    let spec: Json = serde_json::from_str(&committed()?)?;
    let mut free_but_closed = Vec::new();
    for (method, path, op) in operations(&spec) {
        if method != "GET" {
            continue;
        }
        for p in op["parameters"].as_array().into_iter().flatten() {
            let schema = &p["schema"];
            let free = p["in"] == "query"
                && schema["type"] == "string"
                && ["enum", "format", "pattern"]
                    .iter()
                    .all(|k| schema.get(k).is_none());
            if !free {
                continue;
            }
            let name = p["name"].as_str().unwrap_or_default();
            // Any text a person could type: a free string takes it.
            let url = format!("{}?{name}=abc", fill(&path, &op));
            let res = app.call("GET", &url, &staff.auth()).await?;
            let names_it = res.json()["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|e| e["field"] == name);
            if res.status == 400 && names_it {
                free_but_closed.push(format!("{path} {name}: {}", res.json()["errors"]));
            }
        }
    }
    assert!(
        free_but_closed.is_empty(),
        "query parameters documented as free strings that only take some values: \
         {free_but_closed:#?}"
    );
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

/// A client generator needs every field of every body: no request body is an untyped object.
#[test]
fn every_request_body_describes_its_fields() -> TestResult {
    let spec: Json = serde_json::from_str(&committed()?)?;
    let mut untyped = Vec::new();
    for (method, path, op) in operations(&spec) {
        let content = op["requestBody"]["content"].as_object().cloned();
        for (media, body) in content.into_iter().flatten() {
            let schema = resolve(&spec, &body["schema"]);
            let composed = ["oneOf", "anyOf", "allOf"]
                .iter()
                .any(|k| schema.get(*k).is_some());
            let described = schema["properties"]
                .as_object()
                .is_some_and(|p| !p.is_empty());
            if schema["type"] == "object" && !composed && !described {
                untyped.push(format!("{method} {path} ({media})"));
            }
        }
    }
    assert!(
        untyped.is_empty(),
        "request bodies without fields: {untyped:?}"
    );
    Ok(())
}

/// A variant that refuses unknown fields must itself describe the tag that picks it, or no body
/// satisfies the union (a generated client or validator refuses every one).
#[test]
fn tagged_unions_can_be_satisfied() -> TestResult {
    let spec: Json = serde_json::from_str(&committed()?)?;
    let mut unsatisfiable = Vec::new();
    for (name, schema) in spec["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        for branch in schema["oneOf"].as_array().into_iter().flatten() {
            let closed = branch["allOf"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|part| resolve(&spec, part)["additionalProperties"] == false);
            if closed {
                unsatisfiable.push(name.clone());
            }
        }
    }
    assert!(
        unsatisfiable.is_empty(),
        "unions no body satisfies: {unsatisfiable:?}"
    );
    Ok(())
}

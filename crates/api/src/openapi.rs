//! The OpenAPI contract: its header here, its paths from the routes themselves.

use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lạng Sơn labour-market portal API",
        description = "Job openings, training needs and courses of Lạng Sơn's industrial parks \
                       and clusters (Kế hoạch 190/KH-UBND, 2025-2030). Errors are RFC 9457 \
                       problem+json with a stable `code`; messages are in Vietnamese, or English \
                       with `Accept-Language: en`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    modifiers(&SecuritySchemes),
    tags(
        (name = "health", description = "Liveness and readiness probes"),
        (name = "accounts", description = "Sign up, sign in, tokens, the signed-in account, staff"),
        (name = "organisations", description = "Enterprises and schools, and their verification"),
        (name = "api-keys", description = "Keys for third-party apps"),
        (name = "postings", description = "Job openings, training needs and courses; the change feed"),
        (name = "moderation", description = "Staff review of postings"),
        (name = "workers", description = "Workers' profiles, applications, recommendations, candidates, saved searches and notifications"),
        (name = "statistics", description = "Yearly enterprise declarations, labour-market statistics, the plan's indicators, exports"),
        (name = "search", description = "Search published postings (the search engine answers, not the database)"),
        (name = "reference", description = "Zones, communes, occupations, training levels, ethnic groups"),
    )
)]
struct ApiDoc;

/// `bearer_token`: an access token from `POST /api/v1/sessions`; `api_key`: an organisation's key
/// in `X-API-Key` (also accepted as `Authorization: Bearer lm_...`).
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

/// The header of the contract, before routes add their paths.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The full contract, as the server serves it at `/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(base())
        .configure(crate::routes::configure)
        .split_for_parts();
    complete(api)
}

/// The contract as committed in `openapi/openapi.json`.
pub fn spec_json() -> Result<String, serde_json::Error> {
    Ok(spec().to_pretty_json()? + "\n")
}

/// What the routes' own annotations cannot say, added to every operation from its shape: the
/// answers any request can get from the edge (malformed parameters or bodies, bad credentials,
/// rate limits, an unavailable database), and the allowed values and bounds of the query
/// parameters that the handlers parse as closed sets or numbers. A new endpoint gets them all.
pub fn complete(api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let Ok(mut value) = serde_json::to_value(&api) else {
        return api;
    };
    if let Some(paths) = value.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            for op in item
                .as_object_mut()
                .into_iter()
                .flat_map(|i| i.values_mut())
            {
                complete_operation(op);
            }
        }
    }
    if let Some(schemas) = value
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        close_tagged_unions(schemas);
    }
    serde_json::from_value(value).unwrap_or(api)
}

/// utoipa writes an internally tagged enum as `oneOf: [allOf: [$ref Variant, {tag}]]`. When the
/// variant refuses unknown fields (`additionalProperties: false`) no body can satisfy that (the
/// variant refuses the tag), so the tag moves into the variant's own schema, which is what the
/// server reads anyway.
fn close_tagged_unions(schemas: &mut serde_json::Map<String, Value>) {
    let mut moves = Vec::new();
    for (name, schema) in schemas.iter() {
        for (i, branch) in schema["oneOf"].as_array().into_iter().flatten().enumerate() {
            let parts = branch["allOf"].as_array();
            let (Some(reference), Some(tag)) = (
                parts
                    .and_then(|p| p.first())
                    .and_then(|p| p["$ref"].as_str()),
                parts.and_then(|p| p.get(1)),
            ) else {
                continue;
            };
            let variant = reference.trim_start_matches("#/components/schemas/");
            if schemas
                .get(variant)
                .is_some_and(|v| v["additionalProperties"] == false)
            {
                moves.push((name.clone(), i, variant.to_owned(), tag.clone()));
            }
        }
    }
    for (union, i, variant, tag) in moves {
        if let Some(v) = schemas.get_mut(&variant) {
            for (key, property) in tag["properties"].as_object().into_iter().flatten() {
                v["properties"][key] = property.clone();
            }
            if let Some(required) = v["required"].as_array_mut() {
                required.extend(tag["required"].as_array().into_iter().flatten().cloned());
            }
        }
        if let Some(branch) = schemas.get_mut(&union).and_then(|u| u["oneOf"].get_mut(i)) {
            *branch = json!({ "$ref": format!("#/components/schemas/{variant}") });
        }
    }
}

use serde_json::{Value, json};

/// The statuses any operation can answer with, whatever its handler does.
fn edge_statuses(
    has_parameters: bool,
    has_path: bool,
    has_body: bool,
) -> Vec<(&'static str, &'static str)> {
    let mut statuses = Vec::new();
    if has_parameters || has_body {
        statuses.push((
            "400",
            "A parameter, header or body is malformed (`invalid_query`, `invalid_path_parameter`, \
             `invalid_header`, `invalid_json`).",
        ));
    }
    statuses.push((
        "401",
        "Credentials were sent but are not valid (`invalid_token`, `invalid_api_key`), or the \
         operation needs them (`unauthenticated`).",
    ));
    if has_path {
        statuses.push((
            "404",
            "Nothing at this path (`resource_not_found`, `route_not_found`).",
        ));
    }
    if has_body {
        statuses.push((
            "413",
            "The body is larger than the limit (`payload_too_large`).",
        ));
        statuses.push((
            "415",
            "The body is not sent as `Content-Type: application/json` (`unsupported_media_type`).",
        ));
        statuses.push((
            "422",
            "The body has the wrong shape or invalid fields (`validation_failed`); see `errors[]`.",
        ));
    }
    statuses.push((
        "429",
        "Too many requests from this API key or address (`rate_limited`); see `Retry-After`.",
    ));
    statuses.push((
        "500",
        "An internal error (`internal`); quote the `request_id`.",
    ));
    statuses.push((
        "503",
        "The database or the search engine is unavailable for now (`database_unavailable`, \
         `search_unavailable`).",
    ));
    statuses
}

fn problem_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": {
            crate::errors::PROBLEM_JSON: {
                "schema": { "$ref": "#/components/schemas/Problem" }
            }
        }
    })
}

fn complete_operation(op: &mut Value) {
    let operation_id = op["operationId"].as_str().unwrap_or_default().to_owned();
    let parameters = op["parameters"].as_array().cloned().unwrap_or_default();
    let has_path = parameters.iter().any(|p| p["in"] == "path");
    let has_body = op.get("requestBody").is_some();
    let conditional = parameters
        .iter()
        .any(|p| p["in"] == "header" && p["name"] == "If-Match");
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for param in params.iter_mut() {
            if param["in"] == "query" {
                describe_query_parameter(&operation_id, param);
            }
        }
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    let mut statuses = edge_statuses(!parameters.is_empty(), has_path, has_body);
    if conditional {
        statuses.push((
            "412",
            "`If-Match` does not name the current version (`precondition_failed`): read it again.",
        ));
    }
    for (status, description) in statuses {
        responses
            .entry(status)
            .or_insert_with(|| problem_response(description));
    }
    let mut sorted: Vec<(String, Value)> = std::mem::take(responses).into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    responses.extend(sorted);
}

/// How a query parameter's value is read.
enum Values {
    /// One of these.
    One(Vec<&'static str>),
    /// Comma-separated, each one of these.
    List(Vec<&'static str>),
    /// Comma-separated, each of this form.
    ListOf(Value),
    /// A string of this form.
    Pattern(&'static str),
    /// An integer in this range.
    Integer(i64, i64),
}

fn variants<T: strum::VariantNames>() -> Vec<&'static str> {
    T::VARIANTS.to_vec()
}

/// The values each closed-set or numeric query parameter accepts: by operation where the same
/// name means different things, by name where it means the same everywhere.
fn values_of(operation_id: &str, name: &str) -> Option<Values> {
    use labour_domain::{commune, organisation, posting, statistics, zone};
    const SEARCHES: [&str; 4] = [
        "list_jobs",
        "list_courses",
        "list_training_needs",
        "search_all",
    ];
    const COMMUNE: &str = "^[0-9]{5}$";
    let search = SEARCHES.contains(&operation_id);
    Some(match (operation_id, name) {
        ("list_zones", "kind") => Values::One(variants::<zone::ZoneKind>()),
        ("list_communes", "kind") => Values::One(variants::<commune::CommuneKind>()),
        ("list_postings" | "list_my_postings" | "get_moderation_queue", "kind") => {
            Values::One(variants::<posting::Kind>())
        }
        ("list_my_postings", "state") => Values::One(variants::<posting::lifecycle::State>()),
        ("list_organisations", "verification") => {
            Values::One(variants::<organisation::Verification>())
        }
        ("list_occupations", "group") => {
            Values::One(labour_store::reference::occupation_group_keys())
        }
        ("list_zones", "commune") => Values::Pattern(COMMUNE),
        ("get_open_data_postings", "format") => {
            Values::One(crate::routes::open_data::postings::FORMATS.to_vec())
        }
        (_, "format") => Values::One(crate::export::FORMATS.to_vec()),
        (_, "by") => Values::One(variants::<statistics::Dimension>()),
        (_, "occupation_group") if search => {
            Values::List(labour_store::reference::occupation_group_keys())
        }
        (_, "occupation") if search => {
            Values::ListOf(json!({ "type": "string", "pattern": "^[0-9]{4}$" }))
        }
        (_, "zone") if search => Values::ListOf(json!({ "type": "string", "format": "uuid" })),
        (_, "commune") if search => Values::ListOf(json!({ "type": "string", "pattern": COMMUNE })),
        (_, "level") if search => Values::List(labour_store::reference::training_level_codes()),
        (_, "shift") if search => Values::List(variants::<posting::content::Shift>()),
        (_, "mode") if search => Values::List(variants::<posting::content::CourseMode>()),
        (_, "learner_support") if search => {
            Values::List(variants::<posting::content::LearnerSupport>())
        }
        (_, "sort") if search => Values::One(
            crate::routes::search::SORTS
                .iter()
                .map(|(name, _)| *name)
                .collect(),
        ),
        (_, "facets") if search => Values::List(
            <labour_search::Attribute as strum::IntoEnumIterator>::iter()
                .map(labour_search::Attribute::name)
                .collect(),
        ),
        // Deep pages are refused: a search answers at most 1,000 hits in all, a list 10,000 pages.
        ("get_search_demand", "days") => Values::Integer(1, 366),
        ("get_feed", "limit") => Values::Integer(1, 500),
        // The `next` of an earlier answer: `<transaction>-<event>`.
        ("get_feed", "since") => Values::Pattern("^[0-9]+-[0-9]+$"),
        (_, "page") if search => Values::Integer(1, 1_000),
        (_, "page") => Values::Integer(1, 10_000),
        (_, "per_page") => Values::Integer(1, i64::from(labour_domain::paging::MAX_PER_PAGE)),
        _ => return None,
    })
}

fn describe_query_parameter(operation_id: &str, param: &mut Value) {
    let name = param["name"].as_str().unwrap_or_default().to_owned();
    let schema = match values_of(operation_id, &name) {
        Some(Values::One(values)) => json!({ "type": "string", "enum": values }),
        Some(Values::List(values)) => json!({
            "type": "array",
            "items": { "type": "string", "enum": values },
        }),
        Some(Values::ListOf(items)) => json!({ "type": "array", "items": items }),
        Some(Values::Pattern(pattern)) => json!({ "type": "string", "pattern": pattern }),
        Some(Values::Integer(min, max)) => {
            json!({ "type": "integer", "minimum": min, "maximum": max })
        }
        None => return unsigned_without_int_format(param),
    };
    if schema["type"] == "array" {
        // `level=so_cap,trung_cap`
        param["style"] = json!("form");
        param["explode"] = json!(false);
    }
    param["schema"] = schema;
}

/// An unsigned number documented as `int32`/`int64` accepts more than those formats say: give
/// its real bounds instead.
fn unsigned_without_int_format(param: &mut Value) {
    let schema = &mut param["schema"];
    let unsigned = schema["minimum"] == json!(0) && schema["type"] == "integer";
    let max = match schema["format"].as_str() {
        Some("int32") if unsigned => json!(u32::MAX),
        Some("int64") if unsigned => json!(u64::MAX),
        _ => return,
    };
    if let Some(object) = schema.as_object_mut() {
        object.remove("format");
        object.entry("maximum").or_insert(max);
    }
}

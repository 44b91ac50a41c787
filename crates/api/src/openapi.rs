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
    api
}

/// The contract as committed in `openapi/openapi.json`.
pub fn spec_json() -> Result<String, serde_json::Error> {
    Ok(spec().to_pretty_json()? + "\n")
}

//! Errors as the API answers them: RFC 9457 problem+json in the client's language, rendered by
//! one middleware. The codes, their statuses and titles are the use-case layer's table.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
pub use labour_app::errors::{ErrorCode, FieldError, FieldErrors, Kind, field_error};
use serde::Serialize;
use utoipa::ToSchema;

use crate::lang::Lang;

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error on its way to the client: the use-case layer's error, answered over HTTP.
#[derive(Debug, Clone)]
pub struct ApiError(pub labour_app::Error);

impl std::ops::Deref for ApiError {
    type Target = labour_app::Error;
    fn deref(&self) -> &labour_app::Error {
        &self.0
    }
}

impl std::ops::DerefMut for ApiError {
    fn deref_mut(&mut self) -> &mut labour_app::Error {
        &mut self.0
    }
}

impl From<labour_app::Error> for ApiError {
    fn from(e: labour_app::Error) -> ApiError {
        ApiError(e)
    }
}

impl From<labour_store::Error> for ApiError {
    fn from(e: labour_store::Error) -> ApiError {
        ApiError(e.into())
    }
}

impl ApiError {
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError(labour_app::Error::new(code))
    }

    pub fn detail(self, vi: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError(self.0.detail(vi, en))
    }

    pub fn with_errors(self, errors: Vec<FieldError>) -> ApiError {
        ApiError(self.0.with_errors(errors))
    }

    /// Keeps the cause for the log (never sent).
    pub fn with_cause(self, cause: impl std::fmt::Display) -> ApiError {
        ApiError(self.0.with_cause(cause))
    }

    pub fn header(self, name: header::HeaderName, value: impl Into<String>) -> ApiError {
        ApiError(self.0.hint(name.as_str(), value))
    }

    /// An internal failure: the client sees only a generic message, the log gets `cause`.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        ApiError(labour_app::Error::internal(cause))
    }

    /// A resource the client asked for by id does not exist (or is not theirs to see).
    pub fn not_found(what_vi: &str, what_en: &str, id: &str) -> ApiError {
        ApiError(labour_app::Error::not_found(what_vi, what_en, id))
    }

    fn http_status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The problem document in the client's language.
    pub fn problem(&self, lang: Lang, instance: &str, request_id: Option<String>) -> Problem {
        let (kind, status, title_vi, title_en) = self.code.describe();
        let title = match lang {
            Lang::Vi => title_vi,
            Lang::En => title_en,
        };
        Problem {
            r#type: format!("urn:labour-market:problem:{}", self.code.as_str()),
            title: title.to_owned(),
            status,
            detail: self
                .detail
                .as_ref()
                .map_or_else(|| title.to_owned(), |d| d.get(lang).to_owned()),
            code: self.code.as_str(),
            kind: kind.as_str(),
            instance: instance.to_owned(),
            request_id,
            errors: self
                .errors
                .iter()
                .map(|e| ProblemField {
                    field: e.field.clone(),
                    code: e.code,
                    message: e.message.get(lang).to_owned(),
                })
                .collect(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.http_status()
    }

    /// A bare response; [`render_problems`] fills in the body in the client's language.
    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.http_status()).finish()
    }
}

/// RFC 9457 problem details, with this API's stable `code` and field `errors`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type; stable for each `code`.
    #[schema(example = "urn:labour-market:problem:invalid_query")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, for a person, in the language asked for (Vietnamese by default).
    pub detail: String,
    /// Stable machine-readable code.
    #[schema(example = "invalid_query")]
    pub code: &'static str,
    /// The broad class of the code, for clients that only need to know what to do next:
    /// `invalid_request`, `auth`, `not_found`, `conflict`, `unavailable` or `internal`.
    #[schema(example = "invalid_request")]
    pub kind: &'static str,
    /// The path of the request.
    pub instance: String,
    /// Quote this when asking for help; it finds the request in the logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The query parameter, path parameter or JSON field at fault.
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

/// The code for an error response that did not come from an [`ApiError`] (actix's own 404 and
/// 405, for instance).
fn code_for_status(status: StatusCode) -> ErrorCode {
    match status {
        StatusCode::NOT_FOUND => ErrorCode::RouteNotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::SERVICE_UNAVAILABLE => ErrorCode::DatabaseUnavailable,
        StatusCode::UNAUTHORIZED => ErrorCode::Unauthenticated,
        StatusCode::FORBIDDEN => ErrorCode::Forbidden,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::RateLimited,
        s if s.is_client_error() => ErrorCode::InvalidQuery,
        _ => ErrorCode::Internal,
    }
}

/// Middleware: every 4xx and 5xx leaves as problem+json in the client's language. Internal
/// causes are logged here, once, and never sent.
pub async fn render_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !crate::app::is_api_path(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let lang = crate::lang::from_headers(req.headers());
    let path = req.path().to_owned();
    let res = next.call(req).await?;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_left_body());
    }
    let api_error = match res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
    {
        Some(e) => e.clone(),
        None => {
            let mut e = ApiError::new(code_for_status(status));
            if status.is_server_error() {
                e.cause = res.response().error().map(ToString::to_string);
            }
            e
        }
    };
    if let Some(cause) = &api_error.cause {
        if status.is_server_error() {
            tracing::error!(code = api_error.code.as_str(), error = %cause, "request failed");
        } else {
            tracing::warn!(code = api_error.code.as_str(), error = %cause, "request refused");
        }
    }
    let request_id = res
        .request()
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(ToString::to_string);
    let problem = api_error.problem(lang, &path, request_id);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(api_error.http_status());
    // Keep what tells the client how to go on (Allow on a 405, Retry-After later).
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = old.headers().get(&name) {
            new.insert_header((name, v.clone()));
        }
    }
    for (name, value) in &api_error.hints {
        if let (Ok(name), Ok(v)) = (
            header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            new.insert_header((name, v));
        }
    }
    new.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
    new.insert_header((
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    ));
    Ok(ServiceResponse::new(req, new.body(body)).map_into_right_body())
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    /// Every code is documented in docs/errors.md with its status, and raised somewhere.
    #[test]
    fn every_code_is_documented_and_used() -> Result<(), std::io::Error> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let docs = std::fs::read_to_string(root.join("../../docs/errors.md"))?;
        let mut sources = String::new();
        // Codes are raised by the use cases as well as by the HTTP layer.
        let mut stack = vec![root.join("src"), root.join("../app/src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir)?.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let text = std::fs::read_to_string(path)?;
                    // This test module names every code; it must not count as a use.
                    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                    sources.push_str(code);
                }
            }
        }
        for code in ErrorCode::iter() {
            assert!(
                docs.contains(&format!("`{}`", code.as_str())),
                "{code:?} is not in docs/errors.md"
            );
            let (_, status, _, _) = code.describe();
            assert!(
                docs.contains(&format!("`{}` | {}", code.as_str(), status)),
                "docs/errors.md gives {code:?} another status than {status}"
            );
            let variant = format!("{code:?}");
            assert!(
                sources.contains(&format!("ErrorCode::{variant}")),
                "{code:?} is never raised"
            );
        }
        Ok(())
    }

    #[test]
    fn problems_pick_the_language() {
        let e = ApiError::not_found("khu công nghiệp", "zone", "x");
        let vi = e.problem(Lang::Vi, "/p", None);
        let en = e.problem(Lang::En, "/p", None);
        assert_eq!((vi.status, vi.code), (404, "resource_not_found"));
        assert_eq!(vi.detail, "Không tìm thấy khu công nghiệp x.");
        assert_eq!(en.detail, "No zone x.");
        assert_eq!(en.title, "Not found");
    }
}

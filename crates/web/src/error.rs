//! How the pages fail: a refused request shows a page in the person's language that says what
//! happened and what to do; a server fault shows the request id to quote and logs the cause.
//! Forms with invalid fields do not come here: they come back with the messages beside the
//! fields (`form::Errors`).

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError};
use askama::Template;
use labour_app::ErrorCode;

use crate::context::Page;
use crate::lang::Lang;

/// A use case's refusal or failure, with the language to explain it in.
#[derive(Debug)]
pub struct WebError {
    pub error: labour_app::Error,
    pub lang: Lang,
}

impl WebError {
    pub fn new(error: labour_app::Error, lang: Lang) -> WebError {
        WebError { error, lang }
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(cause) = &self.error.cause {
            if self.error.status() >= 500 {
                tracing::error!(code = self.error.code.as_str(), error = %cause, "page failed");
            } else {
                tracing::warn!(code = self.error.code.as_str(), error = %cause, "page refused");
            }
        }
        error_page(self.lang, "/", self.status_code(), &self.error, None)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: Page,
    heading: String,
    detail: String,
    request_id: Option<&'a str>,
    sign_in: bool,
}

/// The heading key of each kind of refusal people meet on pages.
fn heading_key(status: StatusCode, code: ErrorCode) -> &'static str {
    match (status.as_u16(), code) {
        (_, ErrorCode::RateLimited) => "error.rate_limited",
        (401, _) => "error.sign_in_needed",
        (403, _) => "error.forbidden",
        (404, _) => "error.not_found",
        (409 | 412, _) => "error.conflict",
        (400..=499, _) => "error.bad_request",
        (503, _) => "error.unavailable",
        _ => "error.internal",
    }
}

fn error_page(
    lang: Lang,
    here: &str,
    status: StatusCode,
    error: &labour_app::Error,
    request_id: Option<&str>,
) -> HttpResponse {
    let mut page = Page::bare(lang);
    page.here = here.to_owned();
    let heading = page.t(heading_key(status, error.code)).into_owned();
    let detail = match (&error.detail, status.is_server_error()) {
        (Some(text), false) => text.get(lang).to_owned(),
        _ => page
            .t(&format!("{}_detail", heading_key(status, error.code)))
            .into_owned(),
    };
    let body = ErrorPage {
        page,
        heading,
        detail,
        request_id,
        sign_in: status == StatusCode::UNAUTHORIZED,
    }
    .render()
    .unwrap_or_default();
    let mut res = HttpResponse::build(status);
    res.content_type("text/html; charset=utf-8");
    for (name, value) in &error.hints {
        if name == "retry-after" {
            res.insert_header((header::RETRY_AFTER, value.as_str()));
        }
    }
    res.body(body)
}

/// A query string a page cannot read (a link mangled in a message, say): a page, not JSON.
pub fn bad_query(_: actix_web::error::QueryPayloadError, req: &HttpRequest) -> actix_web::Error {
    let error = labour_app::Error::new(ErrorCode::InvalidQuery).detail(
        crate::i18n::t(Lang::Vi, "error.bad_link"),
        crate::i18n::t(Lang::En, "error.bad_link"),
    );
    WebError::new(error, crate::lang::of(req)).into()
}

/// A path whose id is not one (`/postings/abc`): the same page as for a missing one.
pub fn bad_path(_: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    WebError::new(
        labour_app::Error::new(ErrorCode::ResourceNotFound),
        crate::lang::of(req),
    )
    .into()
}

/// The page for a path no page claims.
pub fn not_found_page(req: &HttpRequest) -> HttpResponse {
    let lang = crate::lang::of(req);
    let error = labour_app::Error::new(ErrorCode::RouteNotFound);
    let here = match req.query_string() {
        "" => req.path().to_owned(),
        q => format!("{}?{q}", req.path()),
    };
    let mut res = error_page(lang, &here, StatusCode::NOT_FOUND, &error, None);
    security_headers(res.headers_mut());
    res
}

/// Middleware of every page: the security headers, and the request id on a server fault's page
/// (so the person can quote it and staff find the log line).
pub async fn render_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let res = next.call(req).await?;
    let lang = crate::lang::of(res.request());
    let mut res = if res.status().is_server_error() {
        let request_id = res
            .request()
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(ToString::to_string);
        let (req, old) = res.into_parts();
        let error = labour_app::Error::new(ErrorCode::Internal);
        let new = error_page(lang, "/", old.status(), &error, request_id.as_deref());
        ServiceResponse::new(req, new).map_into_right_body()
    } else {
        res.map_into_left_body()
    };
    security_headers(res.headers_mut());
    Ok(res)
}

/// Scripts and styles from this server only, no framing, no sniffing, no referrer beyond the
/// origin.
fn security_headers(h: &mut actix_web::http::header::HeaderMap) {
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
}

//! The actix application: routes, middleware, and how malformed requests become problems.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpMessage, HttpRequest, HttpResponse, web};
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::errors::{ApiError, ErrorCode, render_problems};
use crate::routes_table::RouteTable;
use crate::state::AppState;

/// Settings the application itself needs (the rest of the configuration is the server's).
#[derive(Debug, Clone, Copy)]
pub struct AppSettings {
    pub max_body_bytes: usize,
}

/// Whether a path belongs to this face: the API, its documentation and the probes. The rest of
/// the address space is the web pages', so this face's middleware and not-found answer leave it
/// alone.
pub fn is_api_path(path: &str) -> bool {
    const ROOTS: [&str; 6] = [
        "/api",
        "/docs",
        "/openapi.json",
        "/health",
        "/ready",
        "/metrics",
    ];
    ROOTS.iter().any(|root| {
        path.strip_prefix(root)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// What answers a path outside the API that no page claims (the web face's own 404 page).
#[derive(Clone, Copy)]
pub struct PageNotFound(pub fn(&HttpRequest) -> HttpResponse);

impl std::fmt::Debug for PageNotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageNotFound")
    }
}

/// Builds the application for one worker: the API, and whatever `pages` registers beside it
/// (the binary passes the web face; tests of the API alone pass nothing).
pub fn build(
    state: AppState,
    settings: AppSettings,
    pages: impl FnOnce(&mut web::ServiceConfig),
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, api) = App::new()
        .into_utoipa_app()
        .openapi(crate::openapi::base())
        .app_data(web::Data::new(state))
        .app_data(crate::extract::BodyLimit(settings.max_body_bytes))
        .app_data(
            web::QueryConfig::default()
                .error_handler(|e, req| crate::extract::query_error(&e, req).into()),
        )
        .app_data(
            web::PathConfig::default()
                .error_handler(|e, req| crate::extract::path_error(&e, req).into()),
        )
        .configure(crate::routes::configure)
        .split_for_parts();
    let api = crate::openapi::complete(api);
    let table = RouteTable::from_spec(&api);
    app.app_data(web::Data::new(table))
        .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", api))
        .route("/docs", web::get().to(docs_redirect))
        .configure(pages)
        .default_service(web::to(route_not_found))
        .wrap(from_fn(crate::auth::authenticate))
        .wrap(from_fn(crate::extract::refuse_control_characters))
        .wrap(from_fn(render_problems))
        .wrap(from_fn(request_id_header))
        .wrap(TracingLogger::<crate::telemetry::RequestSpan>::new())
}

/// The docs live at `/docs/`; people type `/docs`.
async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header(("Location", "/docs/"))
        .finish()
}

async fn route_not_found(
    req: HttpRequest,
    table: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if !is_api_path(path)
        && let Some(page) = req.app_data::<PageNotFound>()
    {
        return Ok((page.0)(&req));
    }
    if let Some(allowed) = table.allowed(path) {
        let list = allowed.join(", ");
        let method = req.method().as_str();
        return Err(ApiError::new(ErrorCode::MethodNotAllowed)
            .detail(
                format!("{path} không nhận phương thức {method}; dùng {list}."),
                format!("{path} does not take {method}; use {list}."),
            )
            .header(actix_web::http::header::ALLOW, list));
    }
    Err(ApiError::new(ErrorCode::RouteNotFound).detail(
        format!("Không có đường dẫn {path}. Xem tài liệu API tại /docs."),
        format!("There is no route {path}. See the API documentation at /docs."),
    ))
}

/// Echoes the request id that the logs carry, so a user can quote it.
async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id: String| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

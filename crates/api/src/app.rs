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

/// Builds the application for one worker.
pub fn build(
    state: AppState,
    settings: AppSettings,
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

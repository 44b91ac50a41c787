//! The one-click unsubscribe link of the email digest (RFC 8058): `GET` shows a page with one
//! button, as link checkers in mail systems open links; `POST` (the button, or the mail client
//! itself) stops the digest.

pub mod confirm;
pub mod page;

use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::errors::{ApiError, ErrorCode, FieldError};
use crate::lang::Text;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// The token from the email's link.
    pub token: String,
}

/// The account the link was made for.
pub fn account(state: &AppState, token: &str) -> Result<Uuid, ApiError> {
    state.auth.jwt.verify_unsubscribe(token).ok_or_else(|| {
        ApiError::new(ErrorCode::ValidationFailed)
            .detail(
                "Liên kết hủy đăng ký không hợp lệ; hãy dùng liên kết trong thư mới nhất.",
                "This unsubscribe link is not valid; use the link in the latest email.",
            )
            .with_errors(vec![FieldError {
                field: "token".into(),
                code: "invalid_token",
                message: Text::new("Mã không hợp lệ.", "Not a valid token."),
            }])
    })
}

pub fn html(title: &str, body: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title></head>\
             <body style=\"font-family:sans-serif;max-width:36rem;margin:2rem auto\">{body}</body></html>"
        ))
}

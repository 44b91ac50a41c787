//! `GET /api/v1/unsubscribe`: the page behind the email's link.

use actix_web::{HttpResponse, get, web};

use super::{UnsubscribeQuery, account, html};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// A page with one button that stops the email digest; opening it changes nothing.
#[utoipa::path(
    tag = "workers",
    params(UnsubscribeQuery),
    responses(
        (status = 200, content_type = "text/html", body = String),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/unsubscribe")]
pub async fn get_unsubscribe(
    state: web::Data<AppState>,
    query: web::Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    account(&state, &query.token)?;
    // The token is URL-safe base64 and dots, so it needs no escaping in the form's action.
    Ok(html(
        "Hủy nhận thư / Unsubscribe",
        &format!(
            "<h1>Ngừng nhận thư tổng hợp?</h1>\
             <p>Bạn sẽ không nhận thư hằng ngày về tin mới phù hợp với tìm kiếm đã lưu. Thông báo trên cổng vẫn còn.</p>\
             <p lang=\"en\">Stop the daily email of new postings that match your saved searches? Notifications on the portal stay.</p>\
             <form method=\"post\" action=\"?token={}\"><button type=\"submit\">Ngừng nhận thư / Unsubscribe</button></form>",
            query.token.replace(
                |c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)),
                ""
            )
        ),
    ))
}

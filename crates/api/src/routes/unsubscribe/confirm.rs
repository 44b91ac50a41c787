//! `POST /api/v1/unsubscribe`: the one-click unsubscribe itself.

use actix_web::{HttpResponse, post, web};

use super::{UnsubscribeQuery, account, html};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Stops the email digest for every saved search of the link's account (RFC 8058 one-click:
/// mail clients POST `List-Unsubscribe=One-Click` here). Saying it twice is fine.
#[utoipa::path(
    tag = "workers",
    params(UnsubscribeQuery),
    responses(
        (status = 200, content_type = "text/html", body = String),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/unsubscribe")]
pub async fn confirm_unsubscribe(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    let account = account(&state, &query.token)?;
    labour_app::unsubscribe::confirm(&state.app, &caller, account).await?;
    Ok(html(
        "Đã hủy nhận thư / Unsubscribed",
        "<h1>Đã ngừng gửi thư tổng hợp.</h1>\
         <p>Bạn có thể bật lại khi lưu tìm kiếm mới.</p>\
         <p lang=\"en\">You will get no more digest emails. Saving a new search turns them on for it.</p>",
    ))
}

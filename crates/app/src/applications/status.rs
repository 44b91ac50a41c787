//! An application moves: the organisation that posted takes it through its steps, the worker
//! withdraws it.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::application::Status;
use labour_domain::policy::{Action, ApplicationFacts, PostingFacts};
use labour_store::applications::ApplicationRow;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, field_error};
use crate::{App, Caller, policy};

fn not_found(id: Uuid) -> Error {
    Error::not_found("đơn ứng tuyển", "application", &id.to_string())
}

fn not_allowed(e: &labour_domain::Error) -> Error {
    let f = field_error("status", e);
    Error::new(ErrorCode::InvalidTransition).detail(f.message.vi, f.message.en)
}

/// Moves the application to `to`. The application is locked while the move is decided and
/// written, so a move decided on a stale read (a shortlist racing a withdrawal) is refused by
/// the lifecycle from the status it has now, never applied.
pub async fn status(
    app: &App,
    caller: &Caller,
    id: Uuid,
    to: Status,
) -> crate::Result<ApplicationRow> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let found = labour_store::applications::find_for_update(conn, id).await?;
        let facts = found
            .as_ref()
            .map_or_else(ApplicationFacts::unknown, |(row, organisation)| {
                ApplicationFacts {
                    posting: PostingFacts {
                        organisation: *organisation,
                        public: true,
                    },
                    worker: row.worker_id,
                }
            });
        policy::require(
            caller,
            Action::MoveApplication {
                application: facts,
                to,
            },
            || not_found(id),
        )
        .map_err(|e| {
            if e.code == ErrorCode::Forbidden {
                e.detail(
                    "Chỉ người lao động rút được đơn của mình; chỉ tổ chức đăng tin chuyển đơn sang các bước khác, cán bộ chỉ xem.",
                    "Only the worker withdraws an application; only the organisation that posted moves it through the other steps, and staff only look.",
                )
            } else {
                e
            }
        })?;
        let (row, _) = found.ok_or_else(|| not_found(id))?;
        let from = row.status;
        from.can_move(to).map_err(|e| not_allowed(&e))?;
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("posting"),
            subject_id: Some(row.posting_id.to_string()),
            details: serde_json::json!({ "application": id, "from": from.as_str(), "to": to.as_str() }),
            ..caller.event("application_status", &addr)
        };
        // The move and its audit row, together.
        let moved = labour_store::applications::set_status(
            conn,
            id,
            from.as_str(),
            to.as_str(),
            event,
        )
        .await?;
        let Some(updated) = moved else {
            // Locked above, so nobody moved it meanwhile; kept as the write's own guard.
            return Err(Error::new(ErrorCode::InvalidTransition).detail(
                "Đơn ứng tuyển vừa được người khác chuyển trạng thái; hãy đọc lại rồi thử lại.",
                "Someone moved this application meanwhile; read it again and retry.",
            ));
        };
        Ok(updated)
    })
    .await
}

//! Staff verify or refuse an organisation; a refusal withdraws its published postings.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::organisations::OrganisationRow;
use uuid::Uuid;

use super::{Lock, load_for, not_found};
use crate::errors::{Error, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller};

/// A verification decision as staff sent it.
#[derive(Debug, Clone, Default)]
pub struct VerificationInput {
    /// `verified` or `refused`.
    pub decision: String,
    /// Required when refusing.
    pub reason: Option<String>,
}

/// Records the decision, its audit row and (for a refusal) every withdrawal in one
/// transaction, the organisation locked from the decision to the write.
pub async fn verify(
    app: &App,
    caller: &Caller,
    id: Uuid,
    input: VerificationInput,
) -> crate::Result<OrganisationRow> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = load_for(conn, caller, id, Lock::Update, Action::VerifyOrganisation).await?;
        let mut check = FieldErrors::default();
        let decision = check.check("decision", Verification::parse(&input.decision));
        let reason = input
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        match (decision, reason) {
            (Some(Verification::Pending), _) => check.push(FieldError {
                field: "decision".into(),
                code: "unknown_value",
                message: Text::new("Chọn verified hoặc refused.", "Choose verified or refused."),
            }),
            (Some(Verification::Refused), None) => check.push(FieldError {
                field: "reason".into(),
                code: "required",
                message: Text::new("Hãy ghi lý do từ chối.", "Give the reason for refusing."),
            }),
            _ => {}
        }
        if reason.is_some_and(|r| r.chars().count() > 1000) {
            check.push(FieldError {
                field: "reason".into(),
                code: "too_long",
                message: Text::new("Tối đa 1000 ký tự.", "At most 1000 characters."),
            });
        }
        check.finish()?;
        let decision = decision.ok_or_else(|| Error::internal("checked decision missing"))?;
        let reason = if decision == Verification::Refused {
            reason
        } else {
            None
        };
        let action = if decision == Verification::Verified {
            "organisation_verified"
        } else {
            "organisation_refused"
        };
        let event = Event {
            subject_type: Some("organisation"),
            subject_id: Some(id.to_string()),
            details: serde_json::json!({ "from": row.verification, "to": decision.as_str(), "reason": reason }),
            ..caller.event(action, &addr)
        };
        // The postings a refusal takes off the portal carry the refusal's reason as their note.
        let removal = labour_store::postings::Reason {
            code: labour_domain::posting::ModerationReason::OrganisationRefused,
            note: reason.map(str::trim).filter(|r| !r.is_empty()),
        };
        let decided = labour_store::organisations::decide_verification(
            conn, id, decision, reason, event, removal,
        )
        .await?
        .ok_or_else(|| not_found(id))?;
        Ok(decided.organisation)
    })
    .await
}

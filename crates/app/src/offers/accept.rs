//! The enterprise that posted a training need accepts one offer; the others are declined, and
//! every school that answered is notified.

use diesel_async::AsyncConnection;
use labour_domain::policy::{Action, PostingFacts};
use labour_store::audit::Event;
use labour_store::offers::OfferRow;
use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller, facts, policy};

fn not_found(id: Uuid) -> Error {
    Error::not_found("đề xuất", "offer", &id.to_string())
}

/// Accepts the offer; it is locked while decided, and the acceptance, the declines and the
/// audit row are written together.
pub async fn accept(app: &App, caller: &Caller, id: Uuid) -> crate::Result<OfferRow> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let offer = labour_store::offers::find_for_update(conn, id).await?;
        let need = match &offer {
            Some(offer) => labour_store::postings::find(conn, offer.need_id).await?,
            None => None,
        };
        let need_facts = need
            .as_ref()
            .map_or_else(PostingFacts::unknown, facts::posting);
        policy::require(caller, Action::AcceptOffer(need_facts), || not_found(id))?;
        let (Some(offer), Some(need)) = (offer, need) else {
            return Err(not_found(id));
        };
        let accepted = labour_store::offers::accept(conn, &offer).await?;
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("posting"),
            subject_id: Some(need.id.to_string()),
            details: serde_json::json!({ "offer": id, "school": accepted.school_id }),
            ..caller.event("offer_accepted", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        // The school's members learn it was accepted; the other schools that answered, that
        // another offer was.
        for (other, _) in labour_store::offers::for_need(conn, need.id).await? {
            let title = if other.id == accepted.id {
                format!("Đề xuất được chấp nhận (offer accepted): {}", need.title)
            } else {
                format!(
                    "Đã chọn đề xuất khác (another offer accepted): {}",
                    need.title
                )
            };
            let members = labour_store::organisations::member_ids(conn, other.school_id).await?;
            labour_store::notifications::notify(conn, &members, need.id, &title).await?;
        }
        Ok(accepted)
    })
    .await
}

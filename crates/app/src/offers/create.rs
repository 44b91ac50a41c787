//! A school offers a course or a proposal for a published training need; the enterprise's
//! members are notified.

use diesel_async::AsyncConnection;
use labour_domain::policy::{Action, OrganisationFacts, PostingFacts};
use labour_store::audit::Event;
use labour_store::offers::OfferRow;
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller, facts, policy};

/// What the school offers.
#[derive(Debug, Clone)]
pub struct NewOffer {
    /// The school making the offer (the caller must be its member).
    pub school_id: Uuid,
    /// One of the school's courses, if the offer is an existing course.
    pub course_id: Option<Uuid>,
    pub proposal: String,
}

fn unknown(name: &str, vi: &str, en: &str) -> FieldError {
    FieldError {
        field: name.into(),
        code: "unknown_reference",
        message: Text::new(vi, en),
    }
}

/// Offers once per school and need; the offer and its audit row are written together.
pub async fn create(
    app: &App,
    caller: &Caller,
    need: Uuid,
    input: NewOffer,
) -> crate::Result<OfferRow> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = labour_store::postings::find(conn, need).await?;
        let school = labour_store::organisations::find(conn, input.school_id).await?;
        policy::require(
            caller,
            Action::OfferTraining {
                need: row
                    .as_ref()
                    .map_or_else(PostingFacts::unknown, facts::posting),
                school: school
                    .as_ref()
                    .map_or_else(OrganisationFacts::unknown, facts::organisation),
            },
            || facts::posting_not_found(need),
        )?;
        let row = row.ok_or_else(|| facts::posting_not_found(need))?;
        let mut errors = FieldErrors::default();
        if row.kind != "training_need" || !row.is_public() {
            errors.push(unknown(
                "id",
                "Chỉ trả lời được nhu cầu đào tạo đang công khai.",
                "Only a published training need can be answered.",
            ));
        }
        if let Some(course) = input.course_id {
            let ok = labour_store::postings::find(conn, course)
                .await?
                .is_some_and(|c| c.kind == "course" && c.organisation_id == input.school_id);
            if !ok {
                errors.push(unknown(
                    "course_id",
                    "Không có khóa học này của trường.",
                    "No such course of this school.",
                ));
            }
        }
        let proposal = input.proposal.trim();
        if !(10..=5000).contains(&proposal.chars().count()) {
            errors.push(FieldError {
                field: "proposal".into(),
                code: "text_length",
                message: Text::new(
                    "Đề xuất cần từ 10 đến 5000 ký tự.",
                    "The proposal needs 10 to 5000 characters.",
                ),
            });
        }
        errors.finish()?;
        let Some(offer) = labour_store::offers::insert(
            conn,
            need,
            input.school_id,
            input.course_id,
            proposal,
            caller.account(),
        )
        .await?
        else {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Trường đã gửi đề xuất cho nhu cầu này.",
                "This school has already answered this need.",
            ));
        };
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("posting"),
            subject_id: Some(need.to_string()),
            details: serde_json::json!({ "offer": offer.id, "school": offer.school_id }),
            ..caller.event("offer_made", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        // The enterprise's members learn an offer arrived (one notification per need: a
        // newer offer brings it back unread).
        let members = labour_store::organisations::member_ids(conn, row.organisation_id).await?;
        let title = format!("Có đề xuất đào tạo mới (new offer): {}", row.title);
        labour_store::notifications::notify(conn, &members, need, &title).await?;
        Ok(offer)
    })
    .await
}

//! Schools answer enterprises' training needs with offers; the enterprise accepts one.

pub mod accept;
pub mod create;
pub mod list;

use chrono::{DateTime, Utc};
use labour_store::offers::OfferRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Offer {
    pub id: Uuid,
    pub need_id: Uuid,
    pub school_id: Uuid,
    pub school_name: Option<String>,
    /// One of the school's courses, when the offer is an existing course.
    pub course_id: Option<Uuid>,
    pub proposal: String,
    /// `open`, `accepted` or `declined`.
    pub state: String,
    pub created_at: DateTime<Utc>,
}

impl Offer {
    pub fn new(r: OfferRow, school_name: Option<String>) -> Offer {
        Offer {
            id: r.id,
            need_id: r.need_id,
            school_id: r.school_id,
            school_name,
            course_id: r.course_id,
            proposal: r.proposal,
            state: labour_domain::ClosedSet::as_str(r.state).to_owned(),
            created_at: r.created_at,
        }
    }
}

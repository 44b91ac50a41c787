//! The members of an organisation: who they are, and a member adding an existing account.

pub mod create;
pub mod list;

use chrono::{DateTime, Utc};
use labour_store::organisations::MemberRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A member as a fellow member sees them: the name they go by and since when; never their email
/// or phone.
#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub account_id: Uuid,
    #[schema(example = "Nguyễn Thị Lan")]
    pub display_name: String,
    /// When they became a member.
    pub since: DateTime<Utc>,
}

impl From<MemberRow> for Member {
    fn from(r: MemberRow) -> Member {
        Member {
            account_id: r.account_id,
            display_name: r.display_name,
            since: r.since,
        }
    }
}

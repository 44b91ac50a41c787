//! Organisations: enterprises and schools register, staff verify or refuse them.

pub mod create;
pub mod get;
pub mod list;
pub mod verify;

use chrono::{DateTime, Utc};
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, OrganisationFacts};
use labour_store::organisations::OrganisationRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::ApiError;

#[derive(Debug, Serialize, ToSchema)]
pub struct Organisation {
    pub id: Uuid,
    /// `enterprise`, `school` or `agency`.
    pub kind: String,
    pub name: String,
    /// Mã số doanh nghiệp (enterprises).
    pub tax_code: Option<String>,
    /// Operating licence number (schools).
    pub licence_number: Option<String>,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    /// `pending`, `verified` or `refused`.
    pub verification: String,
    /// Why staff refused it, for its members.
    pub verification_reason: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl From<OrganisationRow> for Organisation {
    fn from(r: OrganisationRow) -> Organisation {
        Organisation {
            id: r.id,
            kind: r.kind.as_str().to_owned(),
            name: r.name,
            tax_code: r.tax_code,
            licence_number: r.licence_number,
            zone_id: r.zone_id,
            commune_code: r.commune_code,
            address: r.address,
            verification: r.verification.as_str().to_owned(),
            verification_reason: r.verification_reason,
            version: r.version,
            created_at: r.created_at,
        }
    }
}

pub fn facts(row: &OrganisationRow) -> OrganisationFacts {
    labour_app::organisations::facts(row)
}

pub fn not_found(id: Uuid) -> ApiError {
    labour_app::organisations::not_found(id).into()
}

/// The organisation, once the policy lets the caller do `action` to it (see
/// `labour_app::organisations::load_for`): for the reads that stay in handlers.
pub async fn load_for(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(OrganisationFacts) -> Action,
) -> Result<OrganisationRow, ApiError> {
    use labour_app::organisations::Lock;
    Ok(labour_app::organisations::load_for(conn, caller, id, Lock::None, action).await?)
}

/// The organisation, or the 404 that hidden and missing organisations share.
pub async fn load(conn: &mut labour_store::Conn, id: Uuid) -> Result<OrganisationRow, ApiError> {
    labour_store::organisations::find(conn, id)
        .await?
        .ok_or_else(|| not_found(id))
}

//! Organisations: enterprises, schools and agencies.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::organisation::OrganisationIdentity;
use uuid::Uuid;

use crate::Error;
use crate::schema::organisations;

/// A new organisation; its identity guarantees an enterprise has a valid tax code.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub id: Uuid,
    pub identity: OrganisationIdentity,
    pub name: String,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    pub verified: bool,
}

/// Inserts organisations, leaving alone any whose id already exists; returns how many were new.
pub async fn insert_missing(
    conn: &mut AsyncPgConnection,
    new: &[NewOrganisation],
) -> Result<usize, Error> {
    let rows: Vec<_> = new
        .iter()
        .map(|o| {
            (
                organisations::id.eq(o.id),
                organisations::kind.eq(o.identity.kind().as_str()),
                organisations::name.eq(&o.name),
                organisations::tax_code.eq(o.identity.tax_code().map(|t| t.as_str())),
                organisations::zone_id.eq(o.zone_id),
                organisations::commune_code.eq(o.commune_code.as_deref()),
                organisations::address.eq(o.address.as_deref()),
                organisations::verified.eq(o.verified),
            )
        })
        .collect();
    Ok(diesel::insert_into(organisations::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?)
}

pub async fn count(conn: &mut AsyncPgConnection) -> Result<i64, Error> {
    Ok(organisations::table.count().get_result(conn).await?)
}

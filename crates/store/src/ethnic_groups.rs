//! The 54 ethnic groups. Only the list is public; a person's ethnicity never leaves as a row.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::Error;
use crate::schema::ethnic_groups;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = ethnic_groups)]
pub struct EthnicGroupRow {
    pub key: String,
    pub name_vi: String,
    pub is_minority: bool,
}

pub async fn list(conn: &mut AsyncPgConnection) -> Result<Vec<EthnicGroupRow>, Error> {
    Ok(ethnic_groups::table
        .select(EthnicGroupRow::as_select())
        .order(ethnic_groups::position)
        .load(conn)
        .await?)
}

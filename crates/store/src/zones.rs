//! Industrial parks, clusters and the border-gate economic zone.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::paging::PageRequest;
use labour_domain::zone::ZoneKind;
use uuid::Uuid;

use crate::schema::{communes, zones};
use crate::{Error, Page};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = zones)]
pub struct ZoneRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub commune_code: Option<String>,
    pub area_ha: Option<f64>,
    pub status: String,
    pub source: String,
    pub confidence: String,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// A zone with the name of the commune that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneWithCommune {
    pub zone: ZoneRow,
    pub commune_name: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ZoneFilter {
    pub kind: Option<ZoneKind>,
    pub commune: Option<CommuneCode>,
    /// Folded text; matches names where some word starts with it.
    pub name_prefix: Option<String>,
}

/// LIKE patterns for "the folded text starts with `prefix`" and "some word starts with it",
/// with LIKE's own wildcards escaped so a user's `%` is just a character.
pub(crate) fn word_prefix_patterns(prefix: &str) -> (String, String) {
    let escaped = prefix
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    (format!("{escaped}%"), format!("% {escaped}%"))
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &ZoneFilter,
    page: PageRequest,
) -> Result<Page<ZoneWithCommune>, Error> {
    let query = || {
        let mut q = zones::table.left_join(communes::table).into_boxed();
        if let Some(kind) = filter.kind {
            q = q.filter(zones::kind.eq(kind.as_str()));
        }
        if let Some(code) = &filter.commune {
            q = q.filter(zones::commune_code.eq(code.as_str().to_owned()));
        }
        if let Some(prefix) = &filter.name_prefix {
            let (starts, word) = word_prefix_patterns(prefix);
            q = q.filter(
                zones::search_key
                    .like(starts)
                    .or(zones::search_key.like(word)),
            );
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let rows: Vec<(ZoneRow, Option<String>)> = query()
        .select((ZoneRow::as_select(), communes::name.nullable()))
        .order((zones::kind, zones::search_key))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    let items = rows
        .into_iter()
        .map(|(zone, commune_name)| ZoneWithCommune { zone, commune_name });
    Ok(Page {
        items: items.collect(),
        total,
    })
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<ZoneWithCommune>, Error> {
    let row: Option<(ZoneRow, Option<String>)> = zones::table
        .left_join(communes::table)
        .filter(zones::id.eq(id))
        .select((ZoneRow::as_select(), communes::name.nullable()))
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(|(zone, commune_name)| ZoneWithCommune { zone, commune_name }))
}

/// Every zone, for seeding demo organisations across them.
pub async fn all(conn: &mut AsyncPgConnection) -> Result<Vec<ZoneRow>, Error> {
    Ok(zones::table
        .select(ZoneRow::as_select())
        .order(zones::slug)
        .load(conn)
        .await?)
}

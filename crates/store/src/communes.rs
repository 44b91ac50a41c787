//! Communes and wards of Lạng Sơn.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::commune::{CommuneCode, CommuneKind};
use labour_domain::paging::PageRequest;

use crate::schema::communes;
use crate::{Error, Page};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = communes)]
pub struct CommuneRow {
    pub code: String,
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, Default)]
pub struct CommuneFilter {
    pub kind: Option<CommuneKind>,
    /// Folded text; matches names where some word starts with it.
    pub name_prefix: Option<String>,
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &CommuneFilter,
    page: PageRequest,
) -> Result<Page<CommuneRow>, Error> {
    let query = || {
        let mut q = communes::table.into_boxed();
        if let Some(kind) = filter.kind {
            q = q.filter(communes::kind.eq(kind.as_str()));
        }
        if let Some(prefix) = &filter.name_prefix {
            let (starts, word) = crate::zones::word_prefix_patterns(prefix);
            q = q.filter(
                communes::search_key
                    .like(starts)
                    .or(communes::search_key.like(word)),
            );
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .select(CommuneRow::as_select())
        .order((communes::search_key, communes::code))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    code: &CommuneCode,
) -> Result<Option<CommuneRow>, Error> {
    Ok(communes::table
        .find(code.as_str())
        .select(CommuneRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// Every commune and ward, by name (for a form's list and the names results show).
pub async fn all(conn: &mut AsyncPgConnection) -> Result<Vec<CommuneRow>, Error> {
    Ok(communes::table
        .select(CommuneRow::as_select())
        .order((communes::search_key, communes::code))
        .load(conn)
        .await?)
}

/// Every commune and ward code.
pub async fn codes(conn: &mut AsyncPgConnection) -> Result<Vec<String>, Error> {
    Ok(communes::table.select(communes::code).load(conn).await?)
}

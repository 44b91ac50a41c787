//! Occupation groups of the plan, occupations (ISCO-08 unit groups) and their training codes.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::occupation::{OccupationCode, OccupationQuery};
use labour_domain::paging::PageRequest;

use crate::schema::{occupation_groups, occupations, vet_programmes};
use crate::{Error, Page};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = occupation_groups)]
pub struct OccupationGroupRow {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    pub industrial_group_of_plan: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = occupations)]
pub struct OccupationRow {
    pub code: String,
    pub group_key: String,
    pub name_vi: String,
    pub title_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = vet_programmes)]
pub struct VetProgrammeRow {
    pub code: String,
    pub name_vi: String,
    pub level: String,
}

#[derive(Debug, Clone, Default)]
pub struct OccupationFilter {
    pub group: Option<String>,
    pub query: Option<OccupationQuery>,
}

pub async fn groups(conn: &mut AsyncPgConnection) -> Result<Vec<OccupationGroupRow>, Error> {
    Ok(occupation_groups::table
        .select(OccupationGroupRow::as_select())
        .order(occupation_groups::position)
        .load(conn)
        .await?)
}

/// Every occupation's group: (code, group key).
pub async fn all_groups(conn: &mut AsyncPgConnection) -> Result<Vec<(String, String)>, Error> {
    Ok(occupations::table
        .select((occupations::code, occupations::group_key))
        .load(conn)
        .await?)
}

/// Every occupation, by group and code (for a form's list).
pub async fn all(conn: &mut AsyncPgConnection) -> Result<Vec<OccupationRow>, Error> {
    Ok(occupations::table
        .select(OccupationRow::as_select())
        .order((occupations::group_key, occupations::code))
        .load(conn)
        .await?)
}

pub async fn group_exists(conn: &mut AsyncPgConnection, key: &str) -> Result<bool, Error> {
    Ok(
        diesel::select(diesel::dsl::exists(occupation_groups::table.find(key)))
            .get_result(conn)
            .await?,
    )
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &OccupationFilter,
    page: PageRequest,
) -> Result<Page<OccupationRow>, Error> {
    let query = || {
        let mut q = occupations::table.into_boxed();
        if let Some(group) = &filter.group {
            q = q.filter(occupations::group_key.eq(group.clone()));
        }
        match &filter.query {
            Some(OccupationQuery::CodePrefix(code)) => {
                q = q.filter(occupations::code.like(format!("{code}%")));
            }
            Some(OccupationQuery::NamePrefix(text)) => {
                let (starts, word) = crate::zones::word_prefix_patterns(text);
                q = q.filter(
                    occupations::search_key
                        .like(starts)
                        .or(occupations::search_key.like(word)),
                );
            }
            None => {}
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .select(OccupationRow::as_select())
        .order(occupations::code)
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

/// One occupation with the national training programmes known for it.
pub async fn find(
    conn: &mut AsyncPgConnection,
    code: &OccupationCode,
) -> Result<Option<(OccupationRow, Vec<VetProgrammeRow>)>, Error> {
    let Some(row) = occupations::table
        .find(code.as_str())
        .select(OccupationRow::as_select())
        .first(conn)
        .await
        .optional()?
    else {
        return Ok(None);
    };
    let programmes = vet_programmes::table
        .filter(vet_programmes::occupation_code.eq(code.as_str()))
        .select(VetProgrammeRow::as_select())
        .order(vet_programmes::code)
        .load(conn)
        .await?;
    Ok(Some((row, programmes)))
}

/// The occupations among `codes` that exist.
pub async fn find_many(
    conn: &mut AsyncPgConnection,
    codes: &[OccupationCode],
) -> Result<Vec<OccupationRow>, Error> {
    let codes: Vec<&str> = codes.iter().map(OccupationCode::as_str).collect();
    Ok(occupations::table
        .filter(occupations::code.eq_any(codes))
        .select(OccupationRow::as_select())
        .load(conn)
        .await?)
}

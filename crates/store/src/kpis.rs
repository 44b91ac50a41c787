//! Yearly values of the plan's indicators: those staff enter with a source, and the figures
//! the portal's own data gives.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::kpi_values;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = kpi_values)]
pub struct EnteredRow {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub source: String,
    pub entered_by: Option<Uuid>,
    pub entered_at: DateTime<Utc>,
}

pub async fn entered(conn: &mut AsyncPgConnection) -> Result<Vec<EnteredRow>, Error> {
    Ok(kpi_values::table
        .order((kpi_values::indicator, kpi_values::year))
        .select(EnteredRow::as_select())
        .load(conn)
        .await?)
}

/// Enters (or replaces) a year's value; returns the previous value if there was one.
pub async fn enter(
    conn: &mut AsyncPgConnection,
    indicator: &str,
    year: i32,
    value: f64,
    source: &str,
    by: Option<Uuid>,
) -> Result<Option<f64>, Error> {
    let previous = kpi_values::table
        .find((indicator, year))
        .select(kpi_values::value)
        .first::<f64>(conn)
        .await
        .optional()?;
    diesel::insert_into(kpi_values::table)
        .values((
            kpi_values::indicator.eq(indicator),
            kpi_values::year.eq(year),
            kpi_values::value.eq(value),
            kpi_values::source.eq(source),
            kpi_values::entered_by.eq(by),
        ))
        .on_conflict((kpi_values::indicator, kpi_values::year))
        .do_update()
        .set((
            kpi_values::value.eq(value),
            kpi_values::source.eq(source),
            kpi_values::entered_by.eq(by),
            kpi_values::entered_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(previous)
}

#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct YearCount {
    #[diesel(sql_type = Int4)]
    pub year: i32,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

/// Workers admitted to listed courses of verified schools (their enrolment interest moved to
/// `hired` by the school: an act a throwaway account cannot make happen), by the year
/// of admission in Lạng Sơn time; with `industrial_college_intermediate`, only college and
/// intermediate courses in the plan's industrial groups.
pub async fn course_admissions(
    conn: &mut AsyncPgConnection,
    industrial_college_intermediate: bool,
) -> Result<Vec<YearCount>, Error> {
    let narrow = if industrial_college_intermediate {
        "AND p.level IN ('cao_dang', 'trung_cap') AND g.industrial_group_of_plan"
    } else {
        ""
    };
    let sql = format!(
        "SELECT extract(year FROM x.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year, count(*)::bigint AS count \
         FROM applications x JOIN postings p ON p.id = x.posting_id \
         JOIN organisations s ON s.id = p.organisation_id AND s.verification = 'verified' \
         JOIN occupations o ON o.code = p.occupation_code JOIN occupation_groups g ON g.key = o.group_key \
         WHERE p.kind = 'course' AND x.status = 'hired' {narrow} GROUP BY 1 ORDER BY 1"
    );
    Ok(diesel::sql_query(sql).load(conn).await?)
}

/// Sums over a year's declarations.
#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct DeclaredYear {
    #[diesel(sql_type = Int4)]
    pub year: i32,
    #[diesel(sql_type = BigInt)]
    pub enterprises: i64,
    #[diesel(sql_type = BigInt)]
    pub workers: i64,
    #[diesel(sql_type = BigInt)]
    pub with_it_skills: i64,
    #[diesel(sql_type = BigInt)]
    pub ethnic_minority: i64,
    /// Ethnic-minority workers in rows with a training level.
    #[diesel(sql_type = BigInt)]
    pub ethnic_minority_trained: i64,
    /// Staff closed the year: no declaration of it can still change.
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub closed: bool,
}

/// Only declarations of enterprises verified now count: an organisation staff refused cannot
/// move a public indicator.
pub async fn declared_years(conn: &mut AsyncPgConnection) -> Result<Vec<DeclaredYear>, Error> {
    Ok(diesel::sql_query(
        "SELECT r.year, count(DISTINCT r.organisation_id)::bigint AS enterprises, \
         bool_and(y.closed_at IS NOT NULL) AS closed, \
         coalesce(sum(r.workers), 0)::bigint AS workers, \
         coalesce(sum(r.with_it_skills), 0)::bigint AS with_it_skills, \
         coalesce(sum(r.ethnic_minority), 0)::bigint AS ethnic_minority, \
         coalesce(sum(r.ethnic_minority) FILTER (WHERE r.level <> 'none'), 0)::bigint AS ethnic_minority_trained \
         FROM declaration_workforce r JOIN declaration_years y ON y.year = r.year \
         JOIN organisations o ON o.id = r.organisation_id AND o.verification = 'verified' \
         GROUP BY r.year ORDER BY r.year",
    )
    .load(conn)
    .await?)
}

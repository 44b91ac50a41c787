//! Aggregates of the portal's data for the statistics endpoints. Each dimension maps to a fixed
//! SQL expression chosen here; nothing from a request becomes SQL text.

use diesel::sql_types::{BigInt, Int4, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::statistics::Dimension;

use crate::Error;

/// One row of an aggregate: the dimension's value, its name, and up to four counts.
#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct Row {
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = BigInt)]
    pub a: i64,
    #[diesel(sql_type = BigInt)]
    pub b: i64,
    #[diesel(sql_type = BigInt)]
    pub c: i64,
    #[diesel(sql_type = BigInt)]
    pub d: i64,
}

/// SQL condition: the worker account `account` counts in public statistics about people
/// (`labour_domain::statistics::COUNTED_ACCOUNT_AGE_DAYS`): the account is old enough, and a
/// verified organisation moved one of its applications past `received` (shortlisted,
/// interview, hired or rejected), which a throwaway account cannot arrange.
pub fn counted_worker(account: &str) -> String {
    let days = labour_domain::statistics::COUNTED_ACCOUNT_AGE_DAYS;
    format!(
        "(EXISTS (SELECT 1 FROM accounts ca WHERE ca.id = {account} \
           AND ca.created_at <= now() - interval '{days} days') \
         AND EXISTS (SELECT 1 FROM applications ax JOIN postings ap ON ap.id = ax.posting_id \
           JOIN organisations ao ON ao.id = ap.organisation_id \
           WHERE ax.worker_id = {account} AND ao.verification = 'verified' \
           AND ax.status NOT IN ('received', 'withdrawn')))"
    )
}

/// Declaration rows `r` (`declaration_workforce`, `declaration_recruitment`) that public tables
/// count: those of enterprises verified now.
const VERIFIED_DECLARANT: &str =
    "JOIN organisations vo ON vo.id = r.organisation_id AND vo.verification = 'verified'";

/// A posting's training level: the `level` column generated from a job's `required_level` and a
/// course's `level`.
const LEVEL: &str = "p.level";

/// Joins that name what a posting row `p` refers to, with `lvl` its level expression.
fn posting_joins(lvl: &str) -> String {
    format!(
        "LEFT JOIN occupations o ON o.code = p.occupation_code \
         LEFT JOIN occupation_groups g ON g.key = o.group_key \
         LEFT JOIN training_levels t ON t.code = {lvl} \
         LEFT JOIN zones z ON z.id = p.zone_id \
         LEFT JOIN communes c ON c.code = p.commune_code"
    )
}

/// (key, label) expressions of a dimension over a posting row `p`.
fn posting_dimension(dim: Dimension, lvl: &str) -> (String, String) {
    let pair = |k: &str, l: &str| (k.to_owned(), l.to_owned());
    match dim {
        Dimension::OccupationGroup => pair("coalesce(o.group_key, '')", "coalesce(g.name_vi, '')"),
        Dimension::Occupation => pair("p.occupation_code", "coalesce(o.name_vi, '')"),
        Dimension::Level => (
            format!("coalesce({lvl}, 'none')"),
            "coalesce(t.name_vi, 'Không yêu cầu đào tạo')".to_owned(),
        ),
        Dimension::Zone => pair(
            "coalesce(p.zone_id::text, 'none')",
            "coalesce(z.name, 'Ngoài khu, cụm công nghiệp')",
        ),
        Dimension::Commune => pair(
            "coalesce(p.commune_code, 'none')",
            "coalesce(c.name, 'Không rõ')",
        ),
        Dimension::Month => pair(
            "to_char(p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')",
            "to_char(p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')",
        ),
    }
}

/// Which postings a table counts: by month, all ever published (in their month); otherwise
/// those published now.
fn scope(dim: Dimension) -> &'static str {
    if dim == Dimension::Month {
        "p.published_at IS NOT NULL"
    } else {
        "p.state = 'published'"
    }
}

/// Jobs and headcount: open now by every dimension but month; by month, what was published
/// in it. a = jobs, b = headcount.
pub async fn demand(conn: &mut AsyncPgConnection, dim: Dimension) -> Result<Vec<Row>, Error> {
    let (key, label) = posting_dimension(dim, LEVEL);
    let scope = scope(dim);
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, count(*)::bigint AS a, \
         coalesce(sum(p.headcount), 0)::bigint AS b, 0::bigint AS c, 0::bigint AS d \
         FROM postings p {joins} WHERE p.kind = 'job' AND {scope} GROUP BY 1, 2 ORDER BY 1",
        joins = posting_joins(LEVEL)
    );
    Ok(diesel::sql_query(sql).load(conn).await?)
}

/// Published courses: a = courses, b = seats, c = workers interested (not withdrawn, and
/// counted by [`counted_worker`]).
pub async fn training(conn: &mut AsyncPgConnection, dim: Dimension) -> Result<Vec<Row>, Error> {
    let (key, label) = posting_dimension(dim, LEVEL);
    let scope = scope(dim);
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, count(*)::bigint AS a, \
         coalesce(sum(p.seats), 0)::bigint AS b, \
         coalesce(sum((SELECT count(*) FROM applications x WHERE x.posting_id = p.id AND x.status <> 'withdrawn' AND {counted})), 0)::bigint AS c, \
         0::bigint AS d \
         FROM postings p {joins} WHERE p.kind = 'course' AND {scope} GROUP BY 1, 2 ORDER BY 1",
        joins = posting_joins(LEVEL),
        counted = counted_worker("x.worker_id"),
    );
    Ok(diesel::sql_query(sql).load(conn).await?)
}

/// Job seekers (worker profiles of workers [`counted_worker`] counts): a = workers. By
/// occupation or group a worker counts once in each they want. `None` for dimensions profiles do not have.
pub async fn supply(
    conn: &mut AsyncPgConnection,
    dim: Dimension,
) -> Result<Option<Vec<Row>>, Error> {
    // Desired occupations are joined only where they are the dimension: a worker counts once
    // either way (`count(DISTINCT ...)`).
    let desired = "LEFT JOIN worker_desired_occupations d ON d.account_id = w.account_id \
         LEFT JOIN occupations o ON o.code = d.occupation_code \
         LEFT JOIN occupation_groups g ON g.key = o.group_key";
    let (key, label, joins) = match dim {
        Dimension::OccupationGroup => (
            "coalesce(o.group_key, 'none')",
            "coalesce(g.name_vi, 'Chưa chọn nghề')",
            desired,
        ),
        Dimension::Occupation => (
            "coalesce(d.occupation_code, 'none')",
            "coalesce(o.name_vi, 'Chưa chọn nghề')",
            desired,
        ),
        Dimension::Level => (
            "coalesce(w.training_level, 'none')",
            "coalesce(t.name_vi, 'Chưa qua đào tạo nghề')",
            "LEFT JOIN training_levels t ON t.code = w.training_level",
        ),
        Dimension::Commune => (
            "coalesce(w.commune_code, 'none')",
            "coalesce(c.name, 'Không rõ')",
            "LEFT JOIN communes c ON c.code = w.commune_code",
        ),
        Dimension::Zone | Dimension::Month => return Ok(None),
    };
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, count(DISTINCT w.account_id)::bigint AS a, \
         0::bigint AS b, 0::bigint AS c, 0::bigint AS d \
         FROM worker_profiles w {joins} \
         WHERE {counted} GROUP BY 1, 2 ORDER BY 1",
        counted = counted_worker("w.account_id"),
    );
    Ok(Some(diesel::sql_query(sql).load(conn).await?))
}

/// Applications to jobs: a = applications, b = hires, c = median days from publication to the
/// hire (0 without hires).
pub async fn matching(conn: &mut AsyncPgConnection, dim: Dimension) -> Result<Vec<Row>, Error> {
    let (key, label) = posting_dimension(dim, LEVEL);
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, count(*)::bigint AS a, \
         count(*) FILTER (WHERE x.status = 'hired')::bigint AS b, \
         coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.updated_at - p.published_at) / 86400) \
            FILTER (WHERE x.status = 'hired'), 0)::bigint AS c, \
         0::bigint AS d \
         FROM applications x JOIN postings p ON p.id = x.posting_id {joins} \
         WHERE p.kind = 'job' GROUP BY 1, 2 ORDER BY 1",
        joins = posting_joins(LEVEL)
    );
    Ok(diesel::sql_query(sql).load(conn).await?)
}

/// A year's declarations: a = workers, b = of them ethnic-minority, c = with IT skills,
/// d = enterprises declaring. By occupation group or level only.
pub async fn workforce(
    conn: &mut AsyncPgConnection,
    year: i32,
    dim: Dimension,
) -> Result<Option<Vec<Row>>, Error> {
    let (key, label) = match dim {
        Dimension::OccupationGroup => (
            "r.occupation_group",
            "coalesce(g.name_vi, r.occupation_group)",
        ),
        Dimension::Level => ("r.level", "coalesce(t.name_vi, 'Chưa qua đào tạo nghề')"),
        _ => return Ok(None),
    };
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, \
         coalesce(sum(r.workers), 0)::bigint AS a, \
         coalesce(sum(r.ethnic_minority), 0)::bigint AS b, \
         coalesce(sum(r.with_it_skills), 0)::bigint AS c, \
         count(DISTINCT r.organisation_id)::bigint AS d \
         FROM declaration_workforce r {VERIFIED_DECLARANT} \
         LEFT JOIN occupation_groups g ON g.key = r.occupation_group \
         LEFT JOIN training_levels t ON t.code = r.level \
         WHERE r.year = $1 GROUP BY 1, 2 ORDER BY 1"
    );
    Ok(Some(
        diesel::sql_query(sql)
            .bind::<Int4, _>(year)
            .load(conn)
            .await?,
    ))
}

/// A year's planned recruitment for the next year: a = headcount, d = enterprises. By
/// occupation group, occupation or level.
pub async fn planned_recruitment(
    conn: &mut AsyncPgConnection,
    year: i32,
    dim: Dimension,
) -> Result<Option<Vec<Row>>, Error> {
    let (key, label) = match dim {
        Dimension::OccupationGroup => ("coalesce(o.group_key, '')", "coalesce(g.name_vi, '')"),
        Dimension::Occupation => ("r.occupation_code", "coalesce(o.name_vi, '')"),
        Dimension::Level => ("r.level", "coalesce(t.name_vi, 'Không yêu cầu đào tạo')"),
        _ => return Ok(None),
    };
    let sql = format!(
        "SELECT {key} AS key, {label} AS label, \
         coalesce(sum(r.headcount), 0)::bigint AS a, 0::bigint AS b, 0::bigint AS c, \
         count(DISTINCT r.organisation_id)::bigint AS d \
         FROM declaration_recruitment r {VERIFIED_DECLARANT} \
         LEFT JOIN occupations o ON o.code = r.occupation_code \
         LEFT JOIN occupation_groups g ON g.key = o.group_key \
         LEFT JOIN training_levels t ON t.code = r.level \
         WHERE r.year = $1 GROUP BY 1, 2 ORDER BY 1"
    );
    Ok(Some(
        diesel::sql_query(sql)
            .bind::<Int4, _>(year)
            .load(conn)
            .await?,
    ))
}

/// (occupation group, level, headcount) of one year.
#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct GroupLevel {
    #[diesel(sql_type = Text)]
    pub occupation_group: String,
    #[diesel(sql_type = Text)]
    pub level: String,
    #[diesel(sql_type = BigInt)]
    pub headcount: i64,
}

/// Recruitment declared in `year` for the year after, by occupation group and level.
pub async fn planned_by_group_level(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> Result<Vec<GroupLevel>, Error> {
    Ok(diesel::sql_query(format!(
        "SELECT coalesce(o.group_key, '') AS occupation_group, r.level AS level, \
         coalesce(sum(r.headcount), 0)::bigint AS headcount \
         FROM declaration_recruitment r {VERIFIED_DECLARANT} \
         LEFT JOIN occupations o ON o.code = r.occupation_code \
         WHERE r.year = $1 GROUP BY 1, 2",
    ))
    .bind::<Int4, _>(year)
    .load(conn)
    .await?)
}

/// Headcount asked for by jobs first published in `year` (Lạng Sơn time), by group and level.
/// The year is a range of `published_at`, so the index on (kind, published_at) finds it.
pub async fn posted_by_group_level(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> Result<Vec<GroupLevel>, Error> {
    Ok(diesel::sql_query(
        "SELECT coalesce(o.group_key, '') AS occupation_group, coalesce(p.level, 'none') AS level, \
         coalesce(sum(p.headcount), 0)::bigint AS headcount \
         FROM postings p LEFT JOIN occupations o ON o.code = p.occupation_code \
         WHERE p.kind = 'job' AND p.published_at IS NOT NULL \
         AND p.published_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') \
         AND p.published_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') \
         GROUP BY 1, 2",
    )
    .bind::<Int4, _>(year)
    .load(conn)
    .await?)
}

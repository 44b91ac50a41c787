//! Daily counts of what people search for, and which searches found nothing.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::Error;
use crate::schema::search_demand;

/// A day's count for one query and set of kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub day: NaiveDate,
    pub query: String,
    pub kinds: String,
    pub searches: i64,
    pub zero_results: i64,
}

/// Adds counts to the day's totals.
pub async fn add(conn: &mut AsyncPgConnection, counts: &[Count]) -> Result<(), Error> {
    if counts.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = counts
        .iter()
        .map(|c| {
            (
                search_demand::day.eq(c.day),
                search_demand::query.eq(&c.query),
                search_demand::kinds.eq(&c.kinds),
                search_demand::searches.eq(c.searches),
                search_demand::zero_results.eq(c.zero_results),
            )
        })
        .collect();
    diesel::insert_into(search_demand::table)
        .values(rows)
        .on_conflict((
            search_demand::day,
            search_demand::query,
            search_demand::kinds,
        ))
        .do_update()
        .set((
            search_demand::searches.eq(search_demand::searches + excluded(search_demand::searches)),
            search_demand::zero_results
                .eq(search_demand::zero_results + excluded(search_demand::zero_results)),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, diesel::QueryableByName)]
pub struct Demand {
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub query: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub searches: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub zero_results: i64,
}

/// Queries searched at least `min` times since `from` (with `only_unfound`, that found nothing
/// at least `min` times), most searched first.
pub async fn top(
    conn: &mut AsyncPgConnection,
    from: NaiveDate,
    min: i64,
    only_unfound: bool,
    limit: i64,
) -> Result<Vec<Demand>, Error> {
    let having = if only_unfound {
        "sum(zero_results) >= $2"
    } else {
        "sum(searches) >= $2"
    };
    let order = if only_unfound {
        "3 DESC, 2 DESC"
    } else {
        "2 DESC"
    };
    Ok(diesel::sql_query(format!(
        "SELECT query, sum(searches)::bigint AS searches, sum(zero_results)::bigint AS zero_results \
         FROM search_demand WHERE day >= $1 GROUP BY query HAVING {having} ORDER BY {order}, query LIMIT $3"
    ))
    .bind::<diesel::sql_types::Date, _>(from)
    .bind::<diesel::sql_types::BigInt, _>(min)
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)
    .await?)
}

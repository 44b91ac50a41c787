//! Schools' offers answering enterprises' training needs.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::offer::State;
use uuid::Uuid;

use crate::Error;
use crate::closed_set::Stored;
use crate::schema::{organisations, training_offers};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = training_offers)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct OfferRow {
    pub id: Uuid,
    pub need_id: Uuid,
    pub school_id: Uuid,
    pub course_id: Option<Uuid>,
    pub proposal: String,
    #[diesel(deserialize_as = Stored<State>)]
    pub state: State,
    pub created_at: DateTime<Utc>,
}

/// Inserts an offer; `None` when this school already answered this need.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    need: Uuid,
    school: Uuid,
    course: Option<Uuid>,
    proposal: &str,
    by: Option<Uuid>,
) -> Result<Option<OfferRow>, Error> {
    Ok(diesel::insert_into(training_offers::table)
        .values((
            training_offers::id.eq(Uuid::now_v7()),
            training_offers::need_id.eq(need),
            training_offers::school_id.eq(school),
            training_offers::course_id.eq(course),
            training_offers::proposal.eq(proposal),
            training_offers::created_by.eq(by),
        ))
        .on_conflict_do_nothing()
        .returning(OfferRow::as_returning())
        .get_result(conn)
        .await
        .optional()?)
}

/// The offers for a need, with the school's name, oldest first.
pub async fn for_need(
    conn: &mut AsyncPgConnection,
    need: Uuid,
) -> Result<Vec<(OfferRow, String)>, Error> {
    Ok(training_offers::table
        .inner_join(organisations::table.on(organisations::id.eq(training_offers::school_id)))
        .filter(training_offers::need_id.eq(need))
        .select((OfferRow::as_select(), organisations::name))
        .order(training_offers::created_at)
        .load(conn)
        .await?)
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<OfferRow>, Error> {
    Ok(training_offers::table
        .find(id)
        .select(OfferRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The offer, locked until the transaction ends, so two acceptances of one need's offers
/// cannot both land.
pub async fn find_for_update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<OfferRow>, Error> {
    Ok(training_offers::table
        .find(id)
        .select(OfferRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

/// Accepts one offer and declines the others for the same need; the caller runs both in its
/// transaction, with the audit row.
pub async fn accept(conn: &mut AsyncPgConnection, offer: &OfferRow) -> Result<OfferRow, Error> {
    let (id, need) = (offer.id, offer.need_id);
    diesel::update(
        training_offers::table
            .filter(training_offers::need_id.eq(need))
            .filter(training_offers::id.ne(id)),
    )
    .set(training_offers::state.eq(State::Declined.as_str()))
    .execute(conn)
    .await?;
    Ok(diesel::update(training_offers::table.find(id))
        .set(training_offers::state.eq(State::Accepted.as_str()))
        .returning(OfferRow::as_returning())
        .get_result(conn)
        .await?)
}

/// One of a school's offers as the school follows it: the need it answers and whose it is.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct SchoolOfferRow {
    pub offer: OfferRow,
    pub need_title: String,
    pub enterprise_name: String,
}

/// The school's offers, newest first (bounded: a school answers a few needs a month).
pub async fn for_school(
    conn: &mut AsyncPgConnection,
    school: Uuid,
) -> Result<Vec<SchoolOfferRow>, Error> {
    use crate::schema::postings;
    Ok(training_offers::table
        .inner_join(postings::table.on(postings::id.eq(training_offers::need_id)))
        .inner_join(organisations::table.on(organisations::id.eq(postings::organisation_id)))
        .filter(training_offers::school_id.eq(school))
        .select((OfferRow::as_select(), postings::title, organisations::name))
        .order((
            training_offers::created_at.desc(),
            training_offers::id.desc(),
        ))
        .limit(500)
        .load(conn)
        .await?)
}

/// The titles of the given postings (the courses offers point to).
pub async fn titles(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String)>, Error> {
    use crate::schema::postings;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(postings::table
        .filter(postings::id.eq_any(ids))
        .select((postings::id, postings::title))
        .load(conn)
        .await?)
}

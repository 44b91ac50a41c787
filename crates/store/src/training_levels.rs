//! Training levels (trình độ), ordered by rank.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::Error;
use crate::schema::training_levels;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = training_levels)]
pub struct TrainingLevelRow {
    pub code: String,
    pub rank: i32,
    pub name_vi: String,
    pub name_en: String,
    pub duration: String,
}

pub async fn list(conn: &mut AsyncPgConnection) -> Result<Vec<TrainingLevelRow>, Error> {
    Ok(training_levels::table
        .select(TrainingLevelRow::as_select())
        .order(training_levels::rank)
        .load(conn)
        .await?)
}

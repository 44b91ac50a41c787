//! Text columns holding one of a closed set of domain values (an application's status, an
//! offer's state): read back into the domain's enum, and a value the enum does not know is an
//! error, never a default.

use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::sql_types::Text;
use labour_domain::ClosedSet;

/// A column value read as `T`; rows name it with `#[diesel(deserialize_as = Closed<T>)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed<T>(pub T);

impl<T: ClosedSet> FromSql<Text, Pg> for Closed<T> {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
        T::parse(&text)
            .map(Closed)
            .map_err(|_| format!("corrupt {} {text:?} in the database", T::WHAT).into())
    }
}

impl<T: ClosedSet> diesel::Queryable<Text, Pg> for Closed<T> {
    type Row = Self;

    fn build(row: Self) -> deserialize::Result<Self> {
        Ok(row)
    }
}

impl From<Closed<labour_domain::application::Status>> for labour_domain::application::Status {
    fn from(c: Closed<labour_domain::application::Status>) -> Self {
        c.0
    }
}

impl From<Closed<labour_domain::offer::State>> for labour_domain::offer::State {
    fn from(c: Closed<labour_domain::offer::State>) -> Self {
        c.0
    }
}

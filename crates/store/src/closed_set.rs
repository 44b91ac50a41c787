//! Text columns that hold one of a domain enum's names (a posting's kind, its state): read back
//! as the enum, and a name the enum does not know is an error, never a default.

use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::sql_types::{Nullable, Text};
use labour_domain::ClosedSet;

/// A closed-set value as read from a text column; rows name it in
/// `#[diesel(deserialize_as = Stored<T>)]` and get `T`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub struct Stored<T>(pub T);

impl<T: ClosedSet> FromSql<Text, Pg> for Stored<T> {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
        // A corrupt row fails the query (a 500 with the cause logged) rather than turning into
        // some default the program would then act on.
        T::parse(&text)
            .map(Stored)
            .map_err(|_| format!("stored {} {text:?} is not one of its names", T::WHAT).into())
    }
}

/// `Stored<T>` into `T`, for each enum a row reads (the orphan rule wants them one by one).
macro_rules! unwrap_stored {
    ($($t:ty),*) => {$(
        impl From<Stored<$t>> for $t {
            fn from(s: Stored<$t>) -> $t {
                s.0
            }
        }
    )*};
}

unwrap_stored!(
    labour_domain::organisation::OrganisationKind,
    labour_domain::organisation::Verification,
    labour_domain::posting::Kind,
    labour_domain::posting::State,
    labour_domain::posting::ReportReason,
    labour_domain::posting::ModerationReason,
    labour_domain::application::Status,
    labour_domain::offer::State
);

/// A closed-set value as read from a nullable text column: `NULL` is `None`, a name the enum
/// does not know is the same error as [`Stored`]'s. Rows name it in
/// `#[diesel(deserialize_as = StoredOption<T>)]` and get `Option<T>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub struct StoredOption<T>(pub Option<T>);

impl<T: ClosedSet> FromSql<Nullable<Text>, Pg> for StoredOption<T> {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        <Stored<T> as FromSql<Text, Pg>>::from_sql(bytes).map(|s| StoredOption(Some(s.0)))
    }

    fn from_nullable_sql(bytes: Option<PgValue<'_>>) -> deserialize::Result<Self> {
        match bytes {
            Some(b) => Self::from_sql(b),
            None => Ok(StoredOption(None)),
        }
    }
}

impl<T> From<StoredOption<T>> for Option<T> {
    fn from(s: StoredOption<T>) -> Option<T> {
        s.0
    }
}

/// Reads a closed-set name loaded in a query that cannot use `deserialize_as` (an aggregate);
/// an unknown name is the same error.
pub fn parse<T: ClosedSet>(text: &str) -> Result<T, crate::Error> {
    T::parse(text).map_err(|_| {
        crate::Error::Query(diesel::result::Error::DeserializationError(
            format!("stored {} {text:?} is not one of its names", T::WHAT).into(),
        ))
    })
}

//! Recommendation and candidate reasons as the API shows them; the fit itself is the use-case
//! layer's.

pub use labour_app::matching::*;
use labour_domain::recommendation::{Levels, Reason};
use serde::Serialize;
use utoipa::ToSchema;

use crate::lang::Lang;

/// A reason as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonView {
    /// Stable code (`same_occupation`, `level_met`, `leads_to_level`, `starts_soon`, ...).
    pub code: &'static str,
    /// The reason in words, in the language of the request.
    pub text: String,
}

pub fn reasons(reasons: &[Reason], levels: &Levels, lang: Lang) -> Vec<ReasonView> {
    reasons
        .iter()
        .map(|r| ReasonView {
            code: r.code(),
            text: r.text(levels, lang == Lang::En),
        })
        .collect()
}

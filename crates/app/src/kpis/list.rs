//! The plan's indicator board (public): every target with its baseline, yearly values,
//! sources and whether the province is on track.

use labour_domain::kpi::{Admissions, Declared, Entered, INDICATORS, PortalData, Progress};

use crate::App;

/// Reads what staff entered and what the portal's data gives, and lets the domain's rules
/// make each indicator's line.
pub async fn list(app: &App) -> crate::Result<Vec<Progress>> {
    let mut conn = app.conn().await?;
    let entered = labour_store::kpis::entered(&mut conn).await?;
    let admissions = |rows: Vec<labour_store::kpis::YearCount>| {
        rows.into_iter()
            .map(|r| Admissions {
                year: r.year,
                people: r.count,
            })
            .collect()
    };
    let data = PortalData {
        admissions: admissions(labour_store::kpis::course_admissions(&mut conn, false).await?),
        industrial_admissions: admissions(
            labour_store::kpis::course_admissions(&mut conn, true).await?,
        ),
        declared: labour_store::kpis::declared_years(&mut conn)
            .await?
            .into_iter()
            .map(|d| Declared {
                year: d.year,
                enterprises: d.enterprises,
                workers: d.workers,
                with_it_skills: d.with_it_skills,
                ethnic_minority: d.ethnic_minority,
                ethnic_minority_trained: d.ethnic_minority_trained,
                closed: d.closed,
            })
            .collect(),
        // The calendar year under way in Lạng Sơn (UTC+7 all year: Vietnam has no daylight
        // saving time).
        this_year: chrono::Datelike::year(&(chrono::Utc::now() + chrono::Duration::hours(7))),
    };
    Ok(INDICATORS
        .iter()
        .map(|i| {
            let mine = entered
                .iter()
                .filter(|e| e.indicator == i.key)
                .map(|e| Entered {
                    year: e.year,
                    value: e.value,
                    source: e.source.clone(),
                })
                .collect();
            i.progress(i.derived_values(&data), mine)
        })
        .collect())
}

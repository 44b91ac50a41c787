//! Two years of demo declarations by the demo enterprises, so the statistics, the indicator
//! board and the forecast show something after `seed`. Deterministic; the workforce grows a
//! little from one year to the next, as the planned recruitment says.

use diesel_async::AsyncPgConnection;
use labour_domain::declaration::{Declaration, RecruitmentRow, TrainingRow, WorkforceRow};
use labour_domain::posting::content::TrainingPurpose;

use crate::Error;

/// (group, occupation, level) each demo enterprise employs, in turn.
const TRADES: [(&str, &str, &str); 6] = [
    ("co_khi", "7212", "so_cap"),
    ("dien_dien_tu", "7412", "trung_cap"),
    ("lap_rap", "8212", "duoi_3_thang"),
    ("san_xuat_che_bien", "8153", "none"),
    ("dich_vu", "8344", "so_cap"),
    ("ky_thuat", "7543", "cao_dang"),
];

fn declaration(n: usize, year_index: u32) -> Declaration {
    let size = 40 + (n as u32 * 37) % 160;
    let grow = 100 + 8 * year_index;
    let mut workforce = Vec::new();
    let mut planned_recruitment = Vec::new();
    for k in 0..2 {
        let (group, occupation, level) = TRADES[(n + k * 3) % TRADES.len()];
        let workers = size / (k as u32 + 1) * grow / 100;
        // The trained part, and the unskilled part beside it (half as many).
        let unskilled = if level == "none" {
            workers * 3 / 2
        } else {
            workers / 2
        };
        if level != "none" {
            workforce.push(WorkforceRow {
                occupation_group: group.into(),
                level: level.into(),
                workers,
                ethnic_minority: workers * (35 + year_index * 4) / 100,
                with_it_skills: workers * (60 + year_index * 6) / 100,
            });
        }
        workforce.push(WorkforceRow {
            occupation_group: group.into(),
            level: "none".into(),
            workers: unskilled,
            ethnic_minority: unskilled / 2,
            with_it_skills: unskilled * 2 / 5,
        });
        planned_recruitment.push(RecruitmentRow {
            occupation_code: occupation.into(),
            level: if level == "none" {
                "duoi_3_thang".into()
            } else {
                level.into()
            },
            headcount: workers / 8 + 2,
        });
    }
    Declaration {
        workforce,
        planned_recruitment,
        training_needs: vec![TrainingRow {
            occupation_group: TRADES[n % TRADES.len()].0.into(),
            level: "duoi_3_thang".into(),
            trainees: size / 10 + 3,
            purpose: TrainingPurpose::Retraining,
        }],
    }
}

/// Opens the two years before `this_year` (closing the older) and declares for every verified
/// demo enterprise that has not; returns how many declarations were added.
pub async fn seed(conn: &mut AsyncPgConnection, this_year: i32) -> Result<usize, Error> {
    let zones = crate::zones::all(conn).await?;
    let enterprises: Vec<uuid::Uuid> = crate::demo::organisations(&zones)?
        .into_iter()
        .filter(|o| {
            o.identity.tax_code().is_some()
                && o.verification == labour_domain::organisation::Verification::Verified
        })
        .map(|o| o.id)
        .collect();
    let mut added = 0;
    for (year_index, year) in [this_year - 2, this_year - 1].into_iter().enumerate() {
        crate::declarations::open_year(conn, year).await?;
        for (n, org) in enterprises.iter().enumerate() {
            if crate::declarations::find(conn, *org, year).await?.is_some() {
                continue;
            }
            let d = declaration(n, year_index as u32);
            let json = serde_json::to_value(&d).map_err(|e| Error::Migration(e.to_string()))?;
            let total = i32::try_from(d.total_workers()).unwrap_or(i32::MAX);
            if let crate::declarations::Saved::Saved(_) =
                crate::declarations::save(conn, *org, year, &json, total, None, None).await?
            {
                added += 1;
            }
        }
    }
    crate::declarations::close_year(conn, this_year - 2).await?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_declarations_follow_the_rules() {
        for n in 0..12 {
            for y in 0..2 {
                let d = declaration(n, y);
                let problems = d.problems(
                    |g| TRADES.iter().any(|t| t.0 == g),
                    |_| true,
                    |l| ["duoi_3_thang", "so_cap", "trung_cap", "cao_dang"].contains(&l),
                );
                assert!(problems.is_empty(), "{n}/{y}: {problems:?}");
            }
        }
    }
}

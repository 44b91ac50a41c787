//! Demo worker accounts with varied profiles (trades, levels, places, what they share), so
//! recommendations and candidate search show something real after `seed`. Every account has the
//! same password, hashed by the caller. Names end in "(mẫu)" like the other demo data.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::account::{Email, Identifier};
use labour_domain::posting::content::Shift;
use labour_domain::worker::{Certificate, Consents, ItSkills, PastJob, WorkerProfile};
use uuid::Uuid;

use crate::Error;
use crate::accounts::{AccountRole, NewAccount};
use crate::schema::accounts;

/// (email, name, commune, level, desired occupations, skills, expected salary, discoverable).
type Seed = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
    u64,
    bool,
);

const WORKERS: [Seed; 10] = [
    (
        "tho.han@demo.example.vn",
        "Hoàng Văn Nam (mẫu)",
        "06463",
        Some("duoi_3_thang"),
        &["7212"],
        &["Hàn hồ quang", "Đọc bản vẽ"],
        9_000_000,
        true,
    ),
    (
        "dien.cong.nghiep@demo.example.vn",
        "Lương Thị Mai (mẫu)",
        "06184",
        Some("trung_cap"),
        &["7412", "3113"],
        &["Đấu nối tủ điện", "PLC cơ bản"],
        11_000_000,
        true,
    ),
    (
        "may.cong.nghiep@demo.example.vn",
        "Vi Thị Hoa (mẫu)",
        "06385",
        None,
        &["8153"],
        &["May máy một kim"],
        7_000_000,
        false,
    ),
    (
        "lai.xe.nang@demo.example.vn",
        "Nông Văn Sơn (mẫu)",
        "06040",
        Some("so_cap"),
        &["8344", "9333"],
        &["Lái xe nâng"],
        8_000_000,
        true,
    ),
    (
        "lap.rap.dien.tu@demo.example.vn",
        "Hà Thị Lan (mẫu)",
        "06184",
        Some("duoi_3_thang"),
        &["8212"],
        &["Hàn thiếc", "Kiểm tra bo mạch"],
        8_500_000,
        true,
    ),
    (
        "cnc@demo.example.vn",
        "Chu Văn Đức (mẫu)",
        "06463",
        Some("so_cap"),
        &["7223", "7222"],
        &["Tiện CNC"],
        12_000_000,
        true,
    ),
    (
        "che.bien.nong.san@demo.example.vn",
        "Mông Thị Thu (mẫu)",
        "06001",
        None,
        &["7514", "8160"],
        &[],
        6_500_000,
        false,
    ),
    (
        "tin.hoc@demo.example.vn",
        "Đinh Văn Tuấn (mẫu)",
        "06019",
        Some("cao_dang"),
        &["3512", "3513"],
        &["Mạng LAN", "Windows Server"],
        10_000_000,
        true,
    ),
    (
        "phien.dich@demo.example.vn",
        "Lộc Thị Hằng (mẫu)",
        "06184",
        Some("cao_dang"),
        &["2643", "3331"],
        &["Tiếng Trung HSK4", "Khai báo hải quan"],
        13_000_000,
        true,
    ),
    (
        "dieu.hoa@demo.example.vn",
        "Triệu Văn Khánh (mẫu)",
        "06385",
        Some("duoi_3_thang"),
        &["7127"],
        &["Lắp đặt điều hòa"],
        9_500_000,
        false,
    ),
];

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0193_0000_0000_7000_8000_0003_0000_0000 | n)
}

fn profile(seed: &Seed, n: usize) -> WorkerProfile {
    let (email, name, commune, level, occupations, skills, salary, discoverable) = *seed;
    WorkerProfile {
        full_name: name.into(),
        birth_year: Some(1985 + (n as u16 * 3) % 20),
        commune_code: Some(commune.into()),
        email: Some(email.into()),
        education: Some("12/12".into()),
        training_level: level.map(str::to_owned),
        certificates: level
            .map(|l| Certificate {
                name: format!("Chứng chỉ nghề {}", occupations[0]),
                occupation_code: Some(occupations[0].into()),
                level: Some(l.into()),
                year: Some(2022),
            })
            .into_iter()
            .collect(),
        skills: skills.iter().map(|s| (*s).to_owned()).collect(),
        work_history: vec![PastJob {
            employer: "Hộ kinh doanh (mẫu)".into(),
            occupation_code: occupations.last().map(|o| (*o).to_owned()),
            from_year: 2019,
            to_year: Some(2024),
        }],
        desired_occupations: occupations.iter().map(|o| (*o).to_owned()).collect(),
        expected_salary_vnd: Some(salary),
        shift_preferences: if n.is_multiple_of(3) {
            vec![Shift::Day]
        } else {
            vec![Shift::Day, Shift::Rotating]
        },
        it_skills: Some(if n.is_multiple_of(4) {
            ItSkills::Advanced
        } else {
            ItSkills::Basic
        }),
        consents: Consents {
            ethnicity: false,
            citizen_id: false,
            discoverable,
        },
        share_when_discoverable: if n.is_multiple_of(2) {
            vec![
                "full_name".into(),
                "training_level".into(),
                "skills".into(),
                "desired_occupations".into(),
                "phone".into(),
            ]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

/// The demo workers' sign-in emails.
pub fn emails() -> Vec<&'static str> {
    WORKERS.iter().map(|w| w.0).collect()
}

/// Inserts the demo workers that are not there yet, each with a profile; returns how many were
/// new. `password_hash` is the argon2 hash of the demo password.
pub async fn seed(conn: &mut AsyncPgConnection, password_hash: &str) -> Result<usize, Error> {
    let mut added = 0;
    for (n, w) in WORKERS.iter().enumerate() {
        let account = id(n as u128 + 1);
        let exists: bool = diesel::select(diesel::dsl::exists(accounts::table.find(account)))
            .get_result(conn)
            .await?;
        if exists {
            continue;
        }
        let email =
            Email::parse(w.0).map_err(|e| Error::Migration(format!("demo worker {}: {e}", w.0)))?;
        let identifier = Identifier::Email(email);
        let inserted = crate::accounts::insert(
            conn,
            &NewAccount {
                id: account,
                role: AccountRole::User,
                identifier: &identifier,
                display_name: w.1,
                password_hash,
            },
        )
        .await?;
        if !inserted {
            continue;
        }
        let p = profile(w, n);
        let json = serde_json::to_value(&p).map_err(|e| Error::Migration(e.to_string()))?;
        crate::workers::save(conn, account, &json, p.consents.discoverable, None).await?;
        added += 1;
    }
    for n in 0..WORKERS.len() {
        counted(conn, id(n as u128 + 1), n).await?;
    }
    Ok(added)
}

/// When every demo account was made: long enough ago for public statistics to count it.
const DEMO_SIGN_UP: &str = "2025-01-06T08:00:00+07:00";

/// Makes the `n`th demo worker one that public statistics count
/// (`crate::statistics::counted_worker`): its account dates from [`DEMO_SIGN_UP`], and a demo
/// enterprise has shortlisted its application to a demo job (when the demo jobs are there).
/// Deterministic and idempotent: fixed ids, fixed time, nothing done twice.
async fn counted(conn: &mut AsyncPgConnection, account: Uuid, n: usize) -> Result<(), Error> {
    use diesel::sql_types::Uuid as SqlUuid;
    diesel::sql_query(format!(
        "UPDATE accounts SET created_at = '{DEMO_SIGN_UP}' WHERE id = $1 AND created_at > '{DEMO_SIGN_UP}'"
    ))
    .bind::<SqlUuid, _>(account)
    .execute(conn)
    .await?;
    let application = Uuid::from_u128(0x0193_0000_0000_7000_8000_0004_0000_0000 | (n as u128 + 1));
    // Demo jobs are spread over the verified demo enterprises; every seventh one is picked.
    let posting = crate::demo_postings::job_id(n * 7 + 1);
    diesel::sql_query(
        "INSERT INTO applications (id, posting_id, worker_id, shared, status) \
         SELECT $1, p.id, a.id, jsonb_build_object('full_name', a.display_name), 'shortlisted' \
         FROM postings p, accounts a WHERE p.id = $2 AND a.id = $3 \
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(application)
    .bind::<SqlUuid, _>(posting)
    .bind::<SqlUuid, _>(account)
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_profiles_follow_the_profile_rules() {
        for (n, w) in WORKERS.iter().enumerate() {
            assert!(profile(w, n).problems(2026).is_empty(), "{}", w.0);
            assert!(Email::parse(w.0).is_ok());
        }
    }
}

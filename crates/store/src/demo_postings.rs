//! Demo postings: hundreds of jobs, a hundred courses and dozens of training needs, spread over
//! the real zones and occupations and owned by the demo organisations. Deterministic: the same
//! rows every time, with dates counted from the day of seeding (a posting with a past deadline
//! would expire at once). Marked "(dữ liệu mẫu)" like the organisations.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::posting::Content;
use labour_domain::posting::content::{
    Benefit, Contact, CourseContent, CourseMode, JobContent, LearnerSupport, Payer, Salary, Shift,
    TrainingNeedContent, TrainingPlace, TrainingPurpose,
};
use uuid::Uuid;

use crate::Error;
use crate::schema::occupations;

pub const JOBS: usize = 300;
pub const COURSES: usize = 100;
pub const NEEDS: usize = 40;

/// Monthly salary bands (VND) by occupation group, from the lower end of what the province's
/// parks advertise; the demo spreads jobs across each band.
fn salary_band(group: &str) -> (u64, u64) {
    match group {
        "cntt" | "cong_nghe_cao" => (9_000_000, 18_000_000),
        "dien_dien_tu" | "ky_thuat" | "co_khi" => (7_500_000, 14_000_000),
        "dich_vu" => (5_500_000, 9_000_000),
        "nong_nghiep_sach" => (5_000_000, 8_000_000),
        _ => (6_000_000, 11_000_000),
    }
}

const LEVELS: [(&str, u16, u64); 4] = [
    ("duoi_3_thang", 8, 1_500_000),
    ("so_cap", 24, 4_500_000),
    ("trung_cap", 78, 9_000_000),
    ("cao_dang", 130, 12_000_000),
];

const BENEFITS: [Benefit; 7] = [
    Benefit::SocialInsurance,
    Benefit::Meals,
    Benefit::ShuttleBus,
    Benefit::Housing,
    Benefit::HealthInsurance,
    Benefit::Bonus,
    Benefit::Training,
];

/// The id of the `n`th demo job (from 0).
pub fn job_id(n: usize) -> Uuid {
    id(n as u128)
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0193_0000_0000_7000_8000_0001_0000_0000 | n)
}

struct Place {
    zone: Option<Uuid>,
    zone_name: String,
    commune: Option<String>,
}

/// Inserts the demo postings (published) that are not there yet; returns how many were new.
pub async fn seed(conn: &mut AsyncPgConnection, today: NaiveDate) -> Result<usize, Error> {
    let occupations: Vec<(String, String, String)> = occupations::table
        .select((
            occupations::code,
            occupations::name_vi,
            occupations::group_key,
        ))
        .order(occupations::code)
        .load(conn)
        .await?;
    let zones = crate::zones::all(conn).await?;
    let orgs = crate::demo::organisations(&zones)?;
    let enterprises: Vec<&crate::organisations::NewOrganisation> = orgs
        .iter()
        .filter(|o| {
            o.identity.tax_code().is_some()
                && o.verification == labour_domain::organisation::Verification::Verified
        })
        .collect();
    let schools: Vec<_> = orgs.iter().filter(|o| o.licence_number.is_some()).collect();
    if occupations.is_empty() || zones.is_empty() || enterprises.is_empty() || schools.is_empty() {
        return Ok(0);
    }
    let place = |i: usize| {
        let z = &zones[i % zones.len()];
        Place {
            zone: Some(z.id),
            zone_name: z.name.clone(),
            commune: z.commune_code.clone(),
        }
    };
    let mut rows: Vec<(Uuid, Uuid, Content)> = Vec::new();
    for i in 0..JOBS {
        let (code, name, group) = &occupations[(i * 7) % occupations.len()];
        let p = place(i);
        let org = enterprises[i % enterprises.len()];
        let (low, high) = salary_band(group);
        let step = (high - low) / 10;
        let min = low + step * (i as u64 % 6);
        let salary = if i % 9 == 0 {
            Salary::Negotiable
        } else {
            Salary::Range {
                min_vnd: min,
                max_vnd: min + step * 3,
            }
        };
        let shifts = match i % 4 {
            0 => vec![Shift::Day],
            1 => vec![Shift::Day, Shift::Night],
            2 => vec![Shift::Rotating],
            _ => vec![Shift::Day, Shift::PartTime],
        };
        let headcount = 2 + (i as u32 * 3) % 40;
        let content = Content::Job(JobContent {
            title: format!(
                "Tuyển {headcount} {} làm việc tại {} (dữ liệu mẫu)",
                name.to_lowercase(),
                p.zone_name
            ),
            description: format!(
                "{} cần tuyển {} {}. Làm việc tại {}. Được đào tạo an toàn lao động trước khi vào ca; \
                 đóng bảo hiểm xã hội đầy đủ theo quy định.",
                org.name,
                headcount,
                name.to_lowercase(),
                p.zone_name
            ),
            occupation_code: code.clone(),
            zone_id: p.zone,
            commune_code: p.commune.clone(),
            address: org.address.clone(),
            headcount,
            required_level: if code.starts_with('2') {
                Some("cao_dang".to_owned())
            } else {
                (i % 3 != 0).then(|| LEVELS[1 + i % 3].0.to_owned())
            },
            experience_years: (i % 4) as u8,
            skills: vec![name.to_lowercase()],
            salary,
            shifts,
            benefits: BENEFITS.iter().copied().take(2 + i % 5).collect(),
            languages: if i % 10 == 0 {
                vec!["tiếng Trung".into()]
            } else {
                vec![]
            },
            contact: Contact {
                name: "Phòng nhân sự".into(),
                phone: Some(format!("0912{:06}", 100_000 + i)),
                email: None,
            },
            deadline: today + Duration::days(14 + (i % 60) as i64),
            start_date: Some(today + Duration::days(30 + (i % 45) as i64)),
        });
        rows.push((id(i as u128), org.id, content));
    }
    // Vocational courses train technicians, workers and operators (ISCO major groups 3 to 8),
    // not the university-level professions of group 2.
    let trainable: Vec<_> = occupations
        .iter()
        .filter(|(code, _, _)| !code.starts_with('2'))
        .collect();
    for i in 0..COURSES {
        let (code, name, _) = trainable[(i * 11) % trainable.len()];
        let (level, weeks, tuition) = LEVELS[i % LEVELS.len()];
        let p = place(i + 3);
        let school = schools[i % schools.len()];
        let support = match i % 5 {
            0 => vec![
                LearnerSupport::FreeForEthnicMinority,
                LearnerSupport::FreeForRural,
            ],
            1 => vec![LearnerSupport::TuitionSupport],
            2 => vec![LearnerSupport::Allowance],
            _ => vec![],
        };
        let content = Content::Course(CourseContent {
            title: format!("{} - {} (dữ liệu mẫu)", name, level_name(level)),
            description: format!(
                "Khóa đào tạo {} trình độ {} do {} tổ chức, thực hành tại doanh nghiệp trong khu công nghiệp.",
                name.to_lowercase(),
                level_name(level).to_lowercase(),
                school.name
            ),
            occupation_code: code.clone(),
            level: level.into(),
            duration_weeks: weeks,
            start_dates: vec![
                today + Duration::days(20 + (i % 50) as i64),
                today + Duration::days(120 + (i % 50) as i64),
            ],
            seats: 20 + (i as u32 * 7) % 41,
            tuition_vnd: if support.contains(&LearnerSupport::FreeForRural) {
                0
            } else {
                tuition
            },
            support_note: (!support.is_empty())
                .then(|| "Hỗ trợ theo chính sách đào tạo nghề của tỉnh.".to_owned()),
            learner_support: support,
            mode: [
                CourseMode::AtSchool,
                CourseMode::AtEnterprise,
                CourseMode::Blended,
                CourseMode::Online,
            ][i % 4],
            zone_id: p.zone,
            commune_code: p.commune.clone(),
            address: None,
            certificate: format!("Chứng chỉ/bằng {}", level_name(level).to_lowercase()),
            partner_organisation_id: Some(enterprises[i % enterprises.len()].id),
            answers_need_id: None,
            enrolment_deadline: Some(today + Duration::days(15 + (i % 30) as i64)),
        });
        rows.push((id((1_000 + i) as u128), school.id, content));
    }
    for i in 0..NEEDS {
        let (code, name, _) = trainable[(i * 5) % trainable.len()];
        let org = enterprises[(i * 3) % enterprises.len()];
        let p = place(i);
        let start = today + Duration::days(30 + (i % 90) as i64);
        let content = Content::TrainingNeed(TrainingNeedContent {
            title: format!(
                "Nhu cầu đào tạo {} cho {} (dữ liệu mẫu)",
                name.to_lowercase(),
                p.zone_name
            ),
            description: format!(
                "{} cần đào tạo {} cho công nhân, ưu tiên học tại doanh nghiệp.",
                org.name,
                name.to_lowercase()
            ),
            occupation_code: code.clone(),
            level: LEVELS[i % 3].0.into(),
            trainees: 10 + (i as u32 * 5) % 50,
            purpose: if i % 2 == 0 {
                TrainingPurpose::NewTraining
            } else {
                TrainingPurpose::Retraining
            },
            period_start: start,
            period_end: start + Duration::weeks(i64::from(LEVELS[i % 3].1)),
            place: if i % 3 == 0 {
                TrainingPlace::AtSchool
            } else {
                TrainingPlace::AtEnterprise
            },
            commits_to_hire: i % 2 == 0,
            paid_by: [Payer::Enterprise, Payer::Shared, Payer::State][i % 3],
            zone_id: p.zone,
            commune_code: p.commune.clone(),
        });
        rows.push((id((2_000 + i) as u128), org.id, content));
    }

    let mut added = 0;
    for chunk in rows.chunks(200) {
        added += crate::postings::insert_published(conn, chunk).await?;
    }
    Ok(added)
}

/// The Vietnamese name of a training level code, for generated titles.
pub(crate) fn level_name(code: &str) -> &'static str {
    match code {
        "cao_dang" => "Cao đẳng",
        "trung_cap" => "Trung cấp",
        "so_cap" => "Sơ cấp",
        _ => "Đào tạo dưới 3 tháng",
    }
}

//! Synthetic postings at any scale, for benchmarks: realistic Vietnamese jobs, courses and training
//! needs built from the real occupations, zones and communes and the trade vocabulary, owned by
//! generated organisations. Deterministic for a given seed and day. Marked "(dữ liệu mô phỏng)".

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::organisation::{OrganisationIdentity, Verification};
use labour_domain::posting::Content;
use labour_domain::posting::content::{
    Benefit, Contact, CourseContent, CourseMode, JobContent, LearnerSupport, Payer, Salary, Shift,
    TrainingNeedContent, TrainingPlace, TrainingPurpose,
};
use labour_domain::tax_code::{TaxCode, check_digit};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use crate::Error;
use crate::organisations::NewOrganisation;
use crate::schema::{communes, occupations};

/// How many of each kind to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub jobs: usize,
    pub courses: usize,
    pub needs: usize,
}

impl Scale {
    /// `jobs` jobs, with a fifth as many courses and a tenth as many training needs
    /// (100,000 gives the standard national set: 100,000 / 20,000 / 10,000).
    pub fn from_jobs(jobs: usize) -> Scale {
        Scale {
            jobs,
            courses: jobs / 5,
            needs: jobs / 10,
        }
    }

    pub fn total(self) -> usize {
        self.jobs + self.courses + self.needs
    }
}

const LEVELS: [(&str, u16, u64); 4] = [
    ("duoi_3_thang", 8, 1_500_000),
    ("so_cap", 24, 4_500_000),
    ("trung_cap", 78, 9_000_000),
    ("cao_dang", 130, 12_000_000),
];
const TITLES: [&str; 6] = [
    "Tuyển {n} {occ}",
    "{occ} làm việc tại {zone}",
    "Cần gấp {occ}, ca {shift}",
    "{occ} - thu nhập ổn định, có xe đưa đón",
    "Tuyển dụng {occ} cho nhà máy mới",
    "{occ} (ưu tiên người địa phương)",
];
const SENTENCES: [&str; 10] = [
    "Làm việc trong khu công nghiệp, môi trường sạch sẽ, an toàn.",
    "Được đào tạo an toàn lao động trước khi vào ca.",
    "Đóng bảo hiểm xã hội, bảo hiểm y tế đầy đủ.",
    "Có xe đưa đón từ trung tâm xã và bữa ăn giữa ca.",
    "Ưu tiên ứng viên đã qua đào tạo nghề.",
    "Thưởng chuyên cần hằng tháng và thưởng cuối năm.",
    "Làm ca xoay, nghỉ một ngày mỗi tuần.",
    "Có ký túc xá cho công nhân ở xa.",
    "Được kèm cặp bởi thợ lành nghề trong ba tháng đầu.",
    "Yêu cầu sức khỏe tốt, chịu khó, cẩn thận.",
];
const SHIFTS: [&str; 3] = ["ngày", "đêm", "xoay"];

fn id(kind: u128, n: u128) -> Uuid {
    Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0000 | (kind << 40) | n)
}

fn tax_code(n: u32) -> Option<TaxCode> {
    (n * 10..n * 10 + 10).find_map(|k| {
        let first_nine = format!("47{k:07}");
        let digits: Vec<u32> = first_nine.bytes().map(|b| u32::from(b - b'0')).collect();
        check_digit(&digits).and_then(|c| TaxCode::parse(&format!("{first_nine}{c}")).ok())
    })
}

fn salary_band(group: &str) -> (u64, u64) {
    match group {
        "cntt" | "cong_nghe_cao" => (9_000_000, 20_000_000),
        "dien_dien_tu" | "ky_thuat" | "co_khi" => (7_000_000, 15_000_000),
        "dich_vu" => (5_000_000, 9_000_000),
        "nong_nghiep_sach" => (4_500_000, 8_000_000),
        _ => (6_000_000, 11_000_000),
    }
}

/// Inserts the synthetic set; `progress(done, total)` after each chunk. Returns postings added.
pub async fn seed(
    conn: &mut AsyncPgConnection,
    scale: Scale,
    seed: u64,
    today: NaiveDate,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, Error> {
    let mut rng = StdRng::seed_from_u64(seed);
    let occupations: Vec<(String, String, String)> = occupations::table
        .select((
            occupations::code,
            occupations::name_vi,
            occupations::group_key,
        ))
        .order(occupations::code)
        .load(conn)
        .await?;
    let commune_codes: Vec<String> = communes::table
        .select(communes::code)
        .order(communes::code)
        .load(conn)
        .await?;
    let zones = crate::zones::all(conn).await?;
    if occupations.is_empty() || zones.is_empty() || commune_codes.is_empty() {
        return Ok(0);
    }
    let trainable: Vec<&(String, String, String)> = occupations
        .iter()
        .filter(|o| !o.0.starts_with('2'))
        .collect();

    let enterprises = (scale.jobs / 200).max(10);
    let schools = (scale.courses / 100).max(3);
    let mut orgs = Vec::new();
    for i in 0..enterprises {
        let zone = &zones[i % zones.len()];
        let Some(tax) = tax_code(i as u32 + 1) else {
            continue;
        };
        orgs.push(NewOrganisation {
            id: id(9, i as u128),
            identity: OrganisationIdentity::Enterprise { tax_code: tax },
            name: format!("Công ty TNHH Sản xuất số {} (dữ liệu mô phỏng)", i + 1),
            zone_id: Some(zone.id),
            commune_code: zone.commune_code.clone(),
            address: Some(zone.name.clone()),
            licence_number: None,
            verification: Verification::Verified,
        });
    }
    let enterprise_count = orgs.len();
    for i in 0..schools {
        orgs.push(NewOrganisation {
            id: id(8, i as u128),
            identity: OrganisationIdentity::School,
            name: format!("Trường nghề số {} (dữ liệu mô phỏng)", i + 1),
            zone_id: None,
            commune_code: Some(commune_codes[i % commune_codes.len()].clone()),
            address: None,
            licence_number: Some(format!("SIM-GDNN-{:04}", i + 1)),
            verification: Verification::Verified,
        });
    }
    for chunk in orgs.chunks(1000) {
        crate::organisations::insert_missing(conn, chunk).await?;
    }

    let total = scale.total();
    let mut added = 0;
    let mut buffer: Vec<(Uuid, Uuid, Content)> = Vec::with_capacity(1000);
    for n in 0..total {
        let (kind_no, i) = if n < scale.jobs {
            (1, n)
        } else if n < scale.jobs + scale.courses {
            (2, n - scale.jobs)
        } else {
            (3, n - scale.jobs - scale.courses)
        };
        let zone = &zones[rng.gen_range(0..zones.len())];
        let commune = zone
            .commune_code
            .clone()
            .or_else(|| Some(commune_codes[rng.gen_range(0..commune_codes.len())].clone()));
        let description = (0..rng.gen_range(2..5))
            .map(|_| SENTENCES[rng.gen_range(0..SENTENCES.len())])
            .collect::<Vec<_>>()
            .join(" ");
        let (owner, content) = match kind_no {
            1 => {
                let (code, name, group) = &occupations[rng.gen_range(0..occupations.len())];
                let (low, high) = salary_band(group);
                let min = rng.gen_range(low..high) / 100_000 * 100_000;
                let headcount = rng.gen_range(1..80);
                let title = TITLES[rng.gen_range(0..TITLES.len())]
                    .replace("{n}", &headcount.to_string())
                    .replace("{occ}", &name.to_lowercase())
                    .replace("{zone}", &zone.name)
                    .replace("{shift}", SHIFTS[rng.gen_range(0..SHIFTS.len())]);
                let owner = orgs[rng.gen_range(0..enterprise_count)].id;
                (
                    owner,
                    Content::Job(JobContent {
                        title: capitalise(&format!("{title} (dữ liệu mô phỏng)")),
                        description: format!("{description} Công việc: {}.", name.to_lowercase()),
                        occupation_code: code.clone(),
                        zone_id: Some(zone.id),
                        commune_code: commune,
                        address: None,
                        headcount,
                        required_level: if rng.gen_bool(0.3) {
                            None
                        } else {
                            Some(LEVELS[rng.gen_range(0..4)].0.to_owned())
                        },
                        experience_years: rng.gen_range(0..4),
                        skills: vec![name.to_lowercase()],
                        salary: if rng.gen_bool(0.1) {
                            Salary::Negotiable
                        } else {
                            Salary::Range {
                                min_vnd: min,
                                max_vnd: min + rng.gen_range(1..6) * 1_000_000,
                            }
                        },
                        shifts: [
                            vec![Shift::Day],
                            vec![Shift::Night],
                            vec![Shift::Rotating],
                            vec![Shift::Day, Shift::PartTime],
                        ][rng.gen_range(0..4)]
                        .clone(),
                        benefits: [
                            Benefit::SocialInsurance,
                            Benefit::Meals,
                            Benefit::ShuttleBus,
                            Benefit::Housing,
                        ]
                        .into_iter()
                        .filter(|_| rng.gen_bool(0.5))
                        .collect(),
                        languages: vec![],
                        contact: Contact {
                            name: "Phòng nhân sự".into(),
                            phone: Some(format!("09{:08}", n % 100_000_000)),
                            email: None,
                        },
                        deadline: today + Duration::days(rng.gen_range(7..90)),
                        start_date: Some(today + Duration::days(rng.gen_range(14..120))),
                    }),
                )
            }
            2 => {
                let (code, name, _) = trainable[rng.gen_range(0..trainable.len())];
                let (level, weeks, tuition) = LEVELS[rng.gen_range(0..4)];
                let first = today + Duration::days(rng.gen_range(10..120));
                let owner =
                    orgs[enterprise_count + rng.gen_range(0..orgs.len() - enterprise_count)].id;
                let support: Vec<LearnerSupport> = [
                    LearnerSupport::FreeForEthnicMinority,
                    LearnerSupport::FreeForRural,
                    LearnerSupport::TuitionSupport,
                ]
                .into_iter()
                .filter(|_| rng.gen_bool(0.2))
                .collect();
                (
                    owner,
                    Content::Course(CourseContent {
                        title: format!(
                            "{name} - {} (dữ liệu mô phỏng)",
                            crate::demo_postings::level_name(level)
                        ),
                        description: format!(
                            "Khóa đào tạo {} trình độ {}. {description}",
                            name.to_lowercase(),
                            crate::demo_postings::level_name(level).to_lowercase()
                        ),
                        occupation_code: code.clone(),
                        level: level.into(),
                        duration_weeks: weeks,
                        start_dates: vec![first, first + Duration::days(90)],
                        seats: rng.gen_range(15..80),
                        tuition_vnd: if support.is_empty() { tuition } else { 0 },
                        learner_support: support,
                        support_note: None,
                        mode: [
                            CourseMode::AtSchool,
                            CourseMode::AtEnterprise,
                            CourseMode::Online,
                            CourseMode::Blended,
                        ][rng.gen_range(0..4)],
                        zone_id: Some(zone.id),
                        commune_code: commune,
                        address: None,
                        certificate: format!(
                            "Chứng chỉ {}",
                            crate::demo_postings::level_name(level).to_lowercase()
                        ),
                        partner_organisation_id: None,
                        answers_need_id: None,
                        enrolment_deadline: Some(first - Duration::days(3)),
                    }),
                )
            }
            _ => {
                let (code, name, _) = trainable[rng.gen_range(0..trainable.len())];
                let start = today + Duration::days(rng.gen_range(20..180));
                let (level, weeks, _) = LEVELS[rng.gen_range(0..3)];
                let owner = orgs[rng.gen_range(0..enterprise_count)].id;
                (
                    owner,
                    Content::TrainingNeed(TrainingNeedContent {
                        title: format!(
                            "Nhu cầu đào tạo {} (dữ liệu mô phỏng)",
                            name.to_lowercase()
                        ),
                        description: format!(
                            "Doanh nghiệp cần đào tạo {} cho công nhân. {description}",
                            name.to_lowercase()
                        ),
                        occupation_code: code.clone(),
                        level: level.into(),
                        trainees: rng.gen_range(5..100),
                        purpose: if rng.gen_bool(0.5) {
                            TrainingPurpose::NewTraining
                        } else {
                            TrainingPurpose::Retraining
                        },
                        period_start: start,
                        period_end: start + Duration::weeks(i64::from(weeks)),
                        place: if rng.gen_bool(0.5) {
                            TrainingPlace::AtSchool
                        } else {
                            TrainingPlace::AtEnterprise
                        },
                        commits_to_hire: rng.gen_bool(0.6),
                        paid_by: [
                            Payer::Enterprise,
                            Payer::Shared,
                            Payer::State,
                            Payer::Learner,
                        ][rng.gen_range(0..4)],
                        zone_id: Some(zone.id),
                        commune_code: commune,
                    }),
                )
            }
        };
        buffer.push((id(kind_no, i as u128), owner, content));
        if buffer.len() == 1000 || n + 1 == total {
            added += crate::postings::insert_published(conn, &buffer).await?;
            buffer.clear();
            progress(n + 1, total);
        }
    }
    Ok(added)
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_tax_codes() {
        assert_eq!(
            Scale::from_jobs(100_000),
            Scale {
                jobs: 100_000,
                courses: 20_000,
                needs: 10_000
            }
        );
        assert_eq!(Scale::from_jobs(2_000).total(), 2_600);
        assert!((1..600).all(|n| tax_code(n).is_some()));
    }
}

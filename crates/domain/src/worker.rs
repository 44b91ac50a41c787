//! A worker's profile: private to the worker and to staff. Optional sensitive fields (ethnicity,
//! citizen id) are kept only with the worker's consent, and each says why it is asked.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::posting::content::Shift;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerProfile {
    pub full_name: String,
    pub birth_year: Option<u16>,
    pub gender: Option<Gender>,
    pub commune_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Highest general education, e.g. "12/12".
    pub education: Option<String>,
    /// Training level code (`so_cap`, `trung_cap`, ...).
    pub training_level: Option<String>,
    #[serde(default)]
    pub certificates: Vec<Certificate>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub work_history: Vec<PastJob>,
    /// ISCO-08 codes the worker wants to work in.
    #[serde(default)]
    pub desired_occupations: Vec<String>,
    #[serde(default)]
    pub desired_zones: Vec<Uuid>,
    pub expected_salary_vnd: Option<u64>,
    #[serde(default)]
    pub shift_preferences: Vec<Shift>,
    pub it_skills: Option<ItSkills>,
    /// Kept only with `consents.ethnicity`; leaves the database only as suppressed aggregates.
    pub ethnic_group: Option<String>,
    /// Kept only with `consents.citizen_id`; never shown to enterprises.
    pub citizen_id: Option<String>,
    #[serde(default)]
    pub consents: Consents,
    /// What enterprises searching for candidates see when `consents.discoverable` is on (names
    /// from `application::SHAREABLE`); empty means the non-identifying default below.
    #[serde(default)]
    pub share_when_discoverable: Vec<String>,
}

/// Shared with enterprises when a discoverable worker chose nothing: enough to judge the fit,
/// nothing that identifies the worker.
pub const DISCOVERABLE_DEFAULT: [&str; 5] = [
    "training_level",
    "certificates",
    "skills",
    "desired_occupations",
    "shift_preferences",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consents {
    pub ethnicity: bool,
    pub citizen_id: bool,
    /// Enterprises may find this profile (only the fields the worker shares).
    pub discoverable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItSkills {
    None,
    Basic,
    Advanced,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub name: String,
    pub occupation_code: Option<String>,
    pub level: Option<String>,
    pub year: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastJob {
    pub employer: String,
    pub occupation_code: Option<String>,
    pub from_year: u16,
    pub to_year: Option<u16>,
}

/// Why each optional sensitive field is asked, in Vietnamese and English.
pub const REASONS: [(&str, &str, &str); 3] = [
    (
        "ethnic_group",
        "Để tỉnh theo dõi mục tiêu 70% lao động người dân tộc thiểu số được đào tạo nghề (chỉ dùng dưới dạng số liệu tổng hợp).",
        "So the province can follow its target of 70% of ethnic-minority workers trained (used only in aggregates).",
    ),
    (
        "citizen_id",
        "Để trung tâm dịch vụ việc làm xác minh hồ sơ khi bạn nhận hỗ trợ đào tạo; doanh nghiệp không bao giờ thấy.",
        "So the employment service centre can verify you when you receive training support; enterprises never see it.",
    ),
    (
        "discoverable",
        "Để doanh nghiệp tìm thấy bạn và mời phỏng vấn; họ chỉ thấy những gì bạn chia sẻ.",
        "So enterprises can find you and invite you; they see only what you share.",
    ),
];

/// What the worker agrees to by ticking each consent, in Vietnamese and English: the words
/// every face shows beside the checkbox, so the page and the API say the same.
pub const CONSENTS: [(&str, &str, &str); 3] = [
    (
        "ethnicity",
        "Tôi đồng ý để cổng lưu dân tộc của tôi. Thông tin này chỉ dùng để đếm, dưới dạng số liệu tổng hợp, số lao động người dân tộc thiểu số được đào tạo nghề; nhóm quá ít người thì bị ẩn đi. Doanh nghiệp không bao giờ thấy thông tin này. Tôi có thể rút lại bằng cách bỏ chọn và xóa dân tộc khỏi hồ sơ.",
        "I agree that the portal keeps my ethnic group. It is used only to count, in aggregate figures, how many ethnic-minority workers are trained; groups of very few people are hidden. Enterprises never see it. I can withdraw by unticking this and removing my ethnic group from the profile.",
    ),
    (
        "citizen_id",
        "Tôi đồng ý để cổng lưu số căn cước công dân (CCCD) của tôi, để Trung tâm Dịch vụ việc làm xác minh hồ sơ khi tôi nhận hỗ trợ đào tạo. Doanh nghiệp không bao giờ thấy số này. Tôi có thể rút lại bằng cách bỏ chọn và xóa số khỏi hồ sơ.",
        "I agree that the portal keeps my citizen id number (CCCD), so the employment service centre can verify me when I receive training support. Enterprises never see it. I can withdraw by unticking this and removing the number from the profile.",
    ),
    (
        "discoverable",
        "Tôi đồng ý để doanh nghiệp tìm thấy hồ sơ của tôi khi họ tìm người lao động và mời tôi phỏng vấn. Họ chỉ thấy những thông tin tôi chọn chia sẻ. Tôi có thể rút lại bất cứ lúc nào bằng cách bỏ chọn.",
        "I agree that enterprises looking for workers can find my profile and invite me to an interview. They see only what I choose to share. I can withdraw at any time by unticking this.",
    ),
];

impl WorkerProfile {
    /// The fields enterprises see when they find this worker as a candidate.
    pub fn discoverable_fields(&self) -> Vec<String> {
        if self.share_when_discoverable.is_empty() {
            DISCOVERABLE_DEFAULT.map(str::to_owned).to_vec()
        } else {
            self.share_when_discoverable.clone()
        }
    }

    /// Every rule the profile breaks, with its field. Sensitive values without consent are
    /// refused rather than silently dropped, so the worker knows what happens.
    pub fn problems(&self, this_year: u16) -> Vec<(String, Error)> {
        let mut out = Vec::new();
        if let Err(e) = crate::account::display_name(&self.full_name) {
            out.push(("full_name".into(), e));
        }
        if let Some(y) = self.birth_year
            && !(this_year.saturating_sub(80)..=this_year.saturating_sub(14)).contains(&y)
        {
            out.push((
                "birth_year".into(),
                Error::OutOfRange {
                    min: u64::from(this_year) - 80,
                    max: u64::from(this_year) - 14,
                },
            ));
        }
        if let Some(c) = &self.commune_code
            && let Err(e) = crate::commune::CommuneCode::parse(c)
        {
            out.push(("commune_code".into(), e));
        }
        if let Some(p) = &self.phone
            && let Err(e) = crate::account::Phone::parse(p)
        {
            out.push(("phone".into(), e));
        }
        if let Some(m) = &self.email
            && let Err(e) = crate::account::Email::parse(m)
        {
            out.push(("email".into(), e));
        }
        for (i, code) in self.desired_occupations.iter().enumerate() {
            if let Err(e) = crate::occupation::OccupationCode::parse(code) {
                out.push((format!("desired_occupations[{i}]"), e));
            }
        }
        if self.skills.len() > 50 {
            out.push(("skills".into(), Error::TooMany { max: 50 }));
        }
        for (i, field) in self.share_when_discoverable.iter().enumerate() {
            if !crate::application::SHAREABLE.contains(&field.as_str()) {
                out.push((
                    format!("share_when_discoverable[{i}]"),
                    Error::UnknownVariant {
                        what: "shareable field",
                        value: field.clone(),
                        expected: crate::application::SHAREABLE.join(", "),
                    },
                ));
            }
        }
        if self.ethnic_group.is_some() && !self.consents.ethnicity {
            out.push(("ethnic_group".into(), Error::ConsentRequired));
        }
        if let Some(id) = &self.citizen_id {
            if !self.consents.citizen_id {
                out.push(("citizen_id".into(), Error::ConsentRequired));
            } else if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
                out.push(("citizen_id".into(), Error::CitizenIdFormat));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_fields_need_consent() {
        let mut p = WorkerProfile {
            full_name: "Lương Thị Mai".into(),
            ..Default::default()
        };
        assert!(p.problems(2026).is_empty());
        p.ethnic_group = Some("nung".into());
        p.citizen_id = Some("020301001234".into());
        let fields: Vec<String> = p.problems(2026).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["ethnic_group", "citizen_id"]);
        p.consents = Consents {
            ethnicity: true,
            citizen_id: true,
            discoverable: false,
        };
        assert!(p.problems(2026).is_empty());
        p.citizen_id = Some("12345".into());
        assert_eq!(
            p.problems(2026).first().map(|(_, e)| e.clone()),
            Some(Error::CitizenIdFormat)
        );
    }

    #[test]
    fn ages_are_plausible() {
        let p = WorkerProfile {
            full_name: "A".into(),
            birth_year: Some(2020),
            ..Default::default()
        };
        assert_eq!(p.problems(2026).len(), 1);
    }
}

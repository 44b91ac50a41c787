//! The checks a posting's content meets before it is stored: the domain's rules, the codes of the
//! reference data (from the App's cache), and the postings and organisations it names; and the
//! flags it raises for staff.

use labour_domain::posting::{Content, Kind};

use crate::errors::{Error, FieldError, FieldErrors};
use crate::known::{Code, Known};
use crate::lang::Text;

fn unknown(field: &str, vi: &str, en: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: "unknown_reference",
        message: Text::new(vi, en),
    }
}

/// Checks content against the rules and the reference data; returns its flags for staff.
pub(super) async fn check(
    conn: &mut labour_store::Conn,
    known: &Known,
    content: &Content,
) -> Result<Vec<String>, Error> {
    let mut errors = FieldErrors::default();
    let today = chrono::Utc::now().date_naive();
    for (field, e) in content.problems(today) {
        errors.check::<()>(&field, Err(e));
    }
    // Codes of the reference data: the one check profiles and searches make too. A code of
    // the wrong form already has its error above.
    let codes = [
        (
            "occupation_code",
            Code::Occupation,
            labour_domain::occupation::OccupationCode::parse(content.occupation_code())
                .ok()
                .map(|_| content.occupation_code().to_owned()),
        ),
        (
            "zone_id",
            Code::Zone,
            content.zone_id().map(|z| z.to_string()),
        ),
        (
            "commune_code",
            Code::Commune,
            content
                .commune_code()
                .filter(|c| labour_domain::commune::CommuneCode::parse(c).is_ok())
                .map(str::to_owned),
        ),
        (
            if matches!(content, Content::Job(_)) {
                "required_level"
            } else {
                "level"
            },
            Code::TrainingLevel,
            content.level().map(str::to_owned),
        ),
    ];
    for (field, code, value) in codes {
        if let Some(e) = value.and_then(|v| known.check(field, code, &v)) {
            errors.push(e);
        }
    }
    if let Content::Course(course) = content {
        // Only what the public may see can be named: a pending or refused organisation, or a
        // training need that is not published, is refused like an id that names nothing.
        if let Some(partner) = course.partner_organisation_id
            && !labour_store::postings::find_poster(conn, partner)
                .await?
                .is_some_and(|o| {
                    o.verification == labour_domain::organisation::Verification::Verified
                })
        {
            errors.push(unknown(
                "partner_organisation_id",
                "Không có tổ chức đã xác minh nào với mã này.",
                "No verified organisation has this id.",
            ));
        }
        if let Some(need) = course.answers_need_id {
            let ok = labour_store::postings::find(conn, need)
                .await?
                .is_some_and(|p| p.kind == Kind::TrainingNeed && p.is_public());
            if !ok {
                errors.push(unknown(
                    "answers_need_id",
                    "Không có nhu cầu đào tạo đang công khai nào với mã này.",
                    "No published training need has this id.",
                ));
            }
        }
    }
    errors.finish()?;
    let median = match content {
        Content::Job(_) => {
            labour_store::postings::median_salary(conn, content.occupation_code()).await?
        }
        _ => None,
    };
    Ok(labour_domain::posting::flags::flags(content, median)
        .into_iter()
        .map(|f| <&str>::from(f).to_owned())
        .collect())
}

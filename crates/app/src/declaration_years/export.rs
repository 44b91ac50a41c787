//! Every declaration of a year as one table, one line per row declared, with Vietnamese
//! headings (staff): what `GET /api/v1/declaration-years/{year}/declarations` and the staff's
//! download page send as CSV or XLSX.

use labour_domain::declaration::{Declaration, YearState};
use labour_domain::policy::Action;
use labour_domain::posting::content::TrainingPurpose;

use super::not_found;
use crate::errors::Error;
use crate::export::{Cell, Sheet};
use crate::{App, Caller, policy};

pub async fn export(app: &App, caller: &Caller, year: i32) -> crate::Result<Sheet> {
    policy::require(caller, Action::ManageDeclarationYears, || {
        Error::internal("never hidden")
    })?;
    let mut conn = app.conn().await?;
    if labour_store::declarations::year_state(&mut conn, year).await? == YearState::NotOpened {
        return Err(not_found(year));
    }
    let n = |v: u32| Cell::Number(i64::from(v));
    let mut rows = Vec::new();
    for (row, name, tax_code) in labour_store::declarations::of_year_named(&mut conn, year).await? {
        let Ok(d) = serde_json::from_value::<Declaration>(row.content) else {
            continue;
        };
        let lead = |section: &str| {
            vec![
                Cell::Text(name.clone()),
                Cell::Text(tax_code.clone().unwrap_or_default()),
                Cell::Text(section.to_owned()),
            ]
        };
        for w in &d.workforce {
            let mut r = lead("Lao động hiện có");
            r.extend([
                Cell::Text(w.occupation_group.clone()),
                Cell::Text(w.level.clone()),
                n(w.workers),
                n(w.ethnic_minority),
                n(w.with_it_skills),
            ]);
            rows.push(r);
        }
        for p in &d.planned_recruitment {
            let mut r = lead("Dự kiến tuyển năm sau");
            r.extend([
                Cell::Text(p.occupation_code.clone()),
                Cell::Text(p.level.clone()),
                n(p.headcount),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(r);
        }
        for t in &d.training_needs {
            let purpose = match t.purpose {
                TrainingPurpose::NewTraining => "Nhu cầu đào tạo mới",
                TrainingPurpose::Retraining => "Nhu cầu đào tạo lại",
            };
            let mut r = lead(purpose);
            r.extend([
                Cell::Text(t.occupation_group.clone()),
                Cell::Text(t.level.clone()),
                n(t.trainees),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(r);
        }
    }
    Ok(Sheet {
        file_name: format!("declarations-{year}"),
        title: format!("Kê khai lao động {year}"),
        headings: [
            "Doanh nghiệp",
            "Mã số thuế",
            "Mục",
            "Nhóm nghề / mã nghề",
            "Trình độ",
            "Số người",
            "Người dân tộc thiểu số",
            "Có kỹ năng tin học",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    })
}

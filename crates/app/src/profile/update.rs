//! A worker creates or replaces their profile.

use diesel_async::AsyncConnection;
use labour_domain::commune::CommuneCode;
use labour_domain::occupation::OccupationCode;
use labour_domain::worker::WorkerProfile;
use labour_store::workers::{ProfileRow, Saved};

use crate::errors::{Error, ErrorCode, FieldErrors};
use crate::known::Code;
use crate::{App, Caller, policy};

/// Every code of the reference data the profile names, with its field. A commune or desired
/// occupation of the wrong form is left to the profile's own rules, which name it already.
fn references(p: &WorkerProfile) -> Vec<(String, Code, String)> {
    let occupation = |c: &String| OccupationCode::parse(c).is_ok();
    let mut out = Vec::new();
    if let Some(c) = p
        .commune_code
        .as_ref()
        .filter(|c| CommuneCode::parse(c).is_ok())
    {
        out.push(("commune_code".to_owned(), Code::Commune, c.clone()));
    }
    if let Some(level) = &p.training_level {
        out.push(("training_level".into(), Code::TrainingLevel, level.clone()));
    }
    for (i, c) in p.desired_occupations.iter().enumerate() {
        if occupation(c) {
            out.push((
                format!("desired_occupations[{i}]"),
                Code::Occupation,
                c.clone(),
            ));
        }
    }
    for (i, z) in p.desired_zones.iter().enumerate() {
        out.push((format!("desired_zones[{i}]"), Code::Zone, z.to_string()));
    }
    for (i, c) in p.certificates.iter().enumerate() {
        if let Some(o) = &c.occupation_code {
            let field = format!("certificates[{i}].occupation_code");
            out.push((field, Code::Occupation, o.clone()));
        }
        if let Some(level) = &c.level {
            let field = format!("certificates[{i}].level");
            out.push((field, Code::TrainingLevel, level.clone()));
        }
    }
    for (i, j) in p.work_history.iter().enumerate() {
        if let Some(o) = &j.occupation_code {
            let field = format!("work_history[{i}].occupation_code");
            out.push((field, Code::Occupation, o.clone()));
        }
    }
    out
}

/// Every rule the profile breaks, its own and the reference data's, with its field. A form
/// that found problems of its own (a year that is not a number) adds these to them, so the
/// person learns everything at once.
pub async fn check(app: &App, profile: &WorkerProfile) -> crate::Result<FieldErrors> {
    let mut errors = FieldErrors::default();
    let year = u16::try_from(chrono::Datelike::year(&chrono::Utc::now())).unwrap_or(u16::MAX);
    for (field, e) in profile.problems(year) {
        errors.check::<()>(&field, Err(e));
    }
    let known = &app.reference().await?.known;
    for (field, code, value) in references(profile) {
        if let Some(e) = known.check(&field, code, &value) {
            errors.push(e);
        }
    }
    Ok(errors)
}

/// Checks the profile against its own rules and the reference data, then creates it, or
/// replaces it when `if_match` names the stored version. `if_match` is the version the caller
/// read, or the error its absence or malformation gives (answered only when a profile exists
/// to replace).
pub async fn update(
    app: &App,
    caller: &Caller,
    profile: WorkerProfile,
    if_match: crate::Result<i32>,
) -> crate::Result<ProfileRow> {
    let account = policy::require_own_account(caller)?;
    check(app, &profile).await?.finish()?;
    let json = serde_json::to_value(&profile).map_err(Error::internal)?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let exists = labour_store::workers::find(conn, account).await?.is_some();
        let expected = if exists { Some(if_match?) } else { None };
        match labour_store::workers::save(
            conn,
            account,
            &json,
            profile.consents.discoverable,
            expected,
        )
        .await?
        {
            Saved::Saved(row) => {
                // Which profile changed and to what version; never what it says.
                let event = labour_store::audit::Event {
                    subject_type: Some("worker_profile"),
                    subject_id: Some(account.to_string()),
                    details: serde_json::json!({ "version": row.version, "created": !exists }),
                    ..caller.event("profile_saved", &addr)
                };
                labour_store::audit::record(conn, event).await?;
                Ok(row)
            }
            Saved::Stale { current } => Err(Error::new(ErrorCode::PreconditionFailed)
                .detail(
                    "Hồ sơ đã thay đổi; hãy đọc lại.",
                    "The profile changed; read it again.",
                )
                .hint("etag", format!("\"{current}\""))),
        }
    })
    .await
}

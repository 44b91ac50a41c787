//! An enterprise's yearly declaration: the years with where it stands in each (and the
//! reminder staff sent), and the form of one year: the workforce by occupation group and
//! training level with its ethnic-minority and IT counts, next year's planned recruitment and
//! training needs. The same use case as `PUT /api/v1/organisations/{id}/declarations/{year}`;
//! the same policy (members declare; members and staff read).
//!
//! On a phone the grid is one fieldset per occupation group with the levels as its rows and
//! three number columns: ten small tables a thumb scrolls through, rather than one table of
//! fifty rows or a ten-by-five grid wider than the screen. Totals come back from the server on
//! every submit ("recalculate totals" re-renders without saving); portal.js keeps them up to
//! date as people type.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::organisations::{Lock, facts};
use labour_domain::declaration::{
    Declaration, NO_TRAINING, RecruitmentRow, TrainingRow, WorkforceRow, YearState,
};
use labour_domain::organisation::OrganisationKind;
use labour_domain::policy::{self, Action, Decision};
use labour_domain::posting::content::TrainingPurpose;
use labour_store::declarations::DeclarationRow;
use labour_store::organisations::OrganisationRow;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::{Choice, Choices, Group};
use crate::pages::labels;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/account/organisations/{id}/declarations",
        web::get().to(list),
    )
    .route(
        "/account/organisations/{id}/declarations/{year}",
        web::get().to(show),
    )
    .route(
        "/account/organisations/{id}/declarations/{year}",
        web::post().to(save),
    );
}

/// The three counts of a workforce cell, as the form names them.
const COLUMNS: [&str; 3] = ["workers", "ethnic_minority", "with_it_skills"];

/// Blank rows the recruitment and training lists offer beyond those filled in.
const SPARE_ROWS: usize = 2;
/// Rows the form offers at least, and at most (the domain's limit is far above).
const MIN_ROWS: usize = 3;
const MAX_FORM_ROWS: usize = 60;

fn not_found(lang: Lang, id: Uuid, year: i64) -> WebError {
    WebError::new(
        labour_app::declarations::not_found(id, i32::try_from(year).unwrap_or(0)),
        lang,
    )
}

/// The organisation, once the policy lets the caller read its declarations.
async fn organisation(ctx: &Ctx, id: &str) -> Result<OrganisationRow, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let id: Uuid = id
        .parse()
        .map_err(|_| fail(labour_app::organisations::not_found(Uuid::nil())))?;
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    labour_app::organisations::load_for(
        &mut conn,
        &ctx.caller,
        id,
        Lock::None,
        Action::ReadDeclarations,
    )
    .await
    .map_err(fail)
}

/// Whether the caller may make or correct the organisation's declarations.
fn may_declare(ctx: &Ctx, org: &OrganisationRow) -> bool {
    org.kind == OrganisationKind::Enterprise
        && policy::decide(&ctx.caller.actor, Action::Declare(facts(org))) == Decision::Allow
}

// ---------------------------------------------------------------------------------------------
// The list of years

struct YearLine {
    year: i32,
    open: bool,
    declared: Option<String>,
    reminded: Option<String>,
}

#[derive(Template)]
#[template(path = "declarations/list.html")]
struct ListPage {
    page: Page,
    org_id: Uuid,
    org_name: String,
    years: Vec<YearLine>,
    enterprise: bool,
}

async fn list(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let store = |e: labour_store::Error| WebError::new(e.into(), lang);
    let org = organisation(&ctx, &path).await?;
    let mut conn = ctx
        .state
        .app
        .conn()
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let years = labour_store::declarations::years(&mut conn)
        .await
        .map_err(store)?;
    let declared = labour_store::declarations::for_organisation(&mut conn, org.id)
        .await
        .map_err(store)?;
    let reminders = labour_store::declarations::reminders_of(&mut conn, org.id)
        .await
        .map_err(store)?;
    drop(conn);
    let mut years: Vec<YearLine> = years
        .into_iter()
        .map(|y| YearLine {
            year: y.year,
            open: y.state() == YearState::Open,
            declared: declared
                .iter()
                .find(|d| d.year == y.year)
                .map(|d| labels::date(lang, d.updated_at)),
            reminded: reminders
                .iter()
                .find(|(year, _)| *year == y.year)
                .map(|(_, at)| labels::date(lang, *at)),
        })
        .collect();
    // The open year first (it is the one to fill in), then the newest.
    years.sort_by_key(|y| (!y.open, -y.year));
    Ok(ctx.render(&ListPage {
        page: ctx.page(ctx.t("declarations.list_title")),
        org_id: org.id,
        enterprise: org.kind == OrganisationKind::Enterprise,
        org_name: org.name,
        years,
    }))
}

// ---------------------------------------------------------------------------------------------
// The form

/// One number input of the form: its name (and id), what was typed, its label for screen
/// readers.
#[derive(Debug, Clone)]
struct Cell {
    id: String,
    value: String,
    label: String,
}

struct LevelRow {
    code: String,
    label: String,
    cells: Vec<Cell>,
}

struct GroupBlock {
    key: String,
    label: String,
    rows: Vec<LevelRow>,
    totals: Vec<String>,
}

struct LevelTotal {
    code: String,
    label: String,
    totals: Vec<String>,
}

struct RecruitLine {
    n: usize,
    /// The ids of its occupation, level and headcount fields.
    ids: [String; 3],
    occupation: String,
    occupation_label: String,
    level: String,
    level_label: String,
    headcount: String,
}

struct TrainLine {
    n: usize,
    /// The ids of its group, level, trainees and purpose fields.
    ids: [String; 4],
    group: String,
    group_label: String,
    level: String,
    level_label: String,
    trainees: String,
    purpose: String,
}

#[derive(Template)]
#[template(path = "declarations/form.html")]
struct FormPage {
    page: Page,
    org_id: Uuid,
    org_name: String,
    year: i32,
    /// The year takes declarations and the caller may make them.
    editable: bool,
    closed: bool,
    enterprise: bool,
    version: Option<i32>,
    updated: Option<String>,
    reminded: Option<String>,
    saved: bool,
    recalculated: bool,
    groups: Vec<GroupBlock>,
    level_totals: Vec<LevelTotal>,
    grand: Vec<String>,
    column_names: Vec<String>,
    occupations: Vec<Group>,
    levels: Vec<Choice>,
    recruitment: Vec<RecruitLine>,
    training: Vec<TrainLine>,
    errors: Errors,
}

fn cell_id(group: &str, level: &str, column: &str) -> String {
    format!("w-{group}-{level}-{column}")
}

/// The levels a workforce row may have: the training levels, highest first, then none.
fn workforce_levels(ctx: &Ctx, choices: &Choices) -> Vec<Choice> {
    let mut levels: Vec<Choice> = choices.levels.iter().rev().cloned().collect();
    levels.push(Choice {
        value: NO_TRAINING.to_owned(),
        label: ctx.t("declarations.level_none").into_owned(),
    });
    levels
}

/// What the form holds, as typed: every field by name.
type Typed = HashMap<String, String>;

fn typed_from(d: &Declaration) -> Typed {
    let mut t = Typed::new();
    for r in &d.workforce {
        for (c, v) in COLUMNS
            .iter()
            .zip([r.workers, r.ethnic_minority, r.with_it_skills])
        {
            t.insert(cell_id(&r.occupation_group, &r.level, c), v.to_string());
        }
    }
    for (i, r) in d.planned_recruitment.iter().enumerate() {
        t.insert(format!("r{i}-occupation"), r.occupation_code.clone());
        t.insert(format!("r{i}-level"), r.level.clone());
        t.insert(format!("r{i}-headcount"), r.headcount.to_string());
    }
    for (i, r) in d.training_needs.iter().enumerate() {
        t.insert(format!("t{i}-group"), r.occupation_group.clone());
        t.insert(format!("t{i}-level"), r.level.clone());
        t.insert(format!("t{i}-trainees"), r.trainees.to_string());
        t.insert(
            format!("t{i}-purpose"),
            match r.purpose {
                TrainingPurpose::NewTraining => "new_training",
                TrainingPurpose::Retraining => "retraining",
            }
            .to_owned(),
        );
    }
    t
}

/// A count as typed: blank is 0; thousands separators and spaces are allowed.
fn count(text: &str) -> Result<u32, ()> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(());
    }
    digits.parse().map_err(|_| ())
}

/// How many numbered rows of a list (`r0-...`, `t3-...`) the typed form holds.
fn rows_in(t: &Typed, prefix: char) -> usize {
    t.keys()
        .filter_map(|k| {
            let rest = k.strip_prefix(prefix)?;
            rest.split('-').next()?.parse::<usize>().ok()
        })
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
        .min(MAX_FORM_ROWS)
}

/// Where a use case's field (`workforce[2].ethnic_minority`) is in the form.
struct Places {
    workforce: Vec<(String, String)>,
    recruitment: Vec<usize>,
    training: Vec<usize>,
}

impl Places {
    fn field(&self, f: &str) -> String {
        let index = |list: &str| -> Option<(usize, String)> {
            let rest = f.strip_prefix(list)?.strip_prefix('[')?;
            let (i, name) = rest.split_once("].")?;
            Some((i.parse().ok()?, name.to_owned()))
        };
        if let Some((i, name)) = index("workforce")
            && let Some((g, l)) = self.workforce.get(i)
        {
            let column = if COLUMNS.contains(&name.as_str()) {
                name.as_str()
            } else {
                "workers"
            };
            return cell_id(g, l, column);
        }
        if let Some((i, name)) = index("planned_recruitment")
            && let Some(n) = self.recruitment.get(i)
        {
            let name = match name.as_str() {
                "occupation_code" => "occupation",
                "level" => "level",
                _ => "headcount",
            };
            return format!("r{n}-{name}");
        }
        if let Some((i, name)) = index("training_needs")
            && let Some(n) = self.training.get(i)
        {
            let name = match name.as_str() {
                "occupation_group" => "group",
                "level" => "level",
                "purpose" => "purpose",
                _ => "trainees",
            };
            return format!("t{n}-{name}");
        }
        if f.starts_with("planned_recruitment") {
            "recruitment".into()
        } else if f.starts_with("training_needs") {
            "training".into()
        } else {
            "workforce".into()
        }
    }
}

/// The declaration the typed form makes, where each of its rows sits in the form, and the
/// cells that are not numbers (or rows half filled in).
fn parse(
    lang: Lang,
    t: &Typed,
    groups: &[Group],
    levels: &[Choice],
) -> (Declaration, Places, Errors) {
    let mut errors = Errors::default();
    let not_a_number = crate::i18n::t(lang, "declarations.not_a_number").into_owned();
    let number = |id: &str, errors: &mut Errors| -> u32 {
        let text = t.get(id).map_or("", String::as_str);
        count(text).unwrap_or_else(|()| {
            errors.add(id, not_a_number.clone());
            0
        })
    };
    let mut d = Declaration::default();
    let mut places = Places {
        workforce: Vec::new(),
        recruitment: Vec::new(),
        training: Vec::new(),
    };
    for g in groups {
        for l in levels {
            let v: Vec<u32> = COLUMNS
                .iter()
                .map(|c| number(&cell_id(&g.key, &l.value, c), &mut errors))
                .collect();
            if v.iter().any(|n| *n > 0) {
                d.workforce.push(WorkforceRow {
                    occupation_group: g.key.clone(),
                    level: l.value.clone(),
                    workers: v[0],
                    ethnic_minority: v[1],
                    with_it_skills: v[2],
                });
                places.workforce.push((g.key.clone(), l.value.clone()));
            }
        }
    }
    let choose = |key: &str| crate::i18n::t(lang, key).into_owned();
    let text = |k: String| t.get(&k).map_or("", |v| v.trim()).to_owned();
    for n in 0..rows_in(t, 'r') {
        let occupation = text(format!("r{n}-occupation"));
        let headcount_id = format!("r{n}-headcount");
        let headcount = number(&headcount_id, &mut errors);
        if occupation.is_empty() {
            if headcount > 0 {
                errors.add(
                    &format!("r{n}-occupation"),
                    choose("declarations.choose_occupation"),
                );
            }
            continue;
        }
        let level = text(format!("r{n}-level"));
        d.planned_recruitment.push(RecruitmentRow {
            occupation_code: occupation,
            level: if level.is_empty() {
                NO_TRAINING.to_owned()
            } else {
                level
            },
            headcount,
        });
        places.recruitment.push(n);
    }
    for n in 0..rows_in(t, 't') {
        let group = text(format!("t{n}-group"));
        let trainees = number(&format!("t{n}-trainees"), &mut errors);
        if group.is_empty() {
            if trainees > 0 {
                errors.add(&format!("t{n}-group"), choose("declarations.choose_group"));
            }
            continue;
        }
        let level = text(format!("t{n}-level"));
        if level.is_empty() {
            errors.add(&format!("t{n}-level"), choose("declarations.choose_level"));
            continue;
        }
        d.training_needs.push(TrainingRow {
            occupation_group: group,
            level,
            trainees,
            purpose: if text(format!("t{n}-purpose")) == "retraining" {
                TrainingPurpose::Retraining
            } else {
                TrainingPurpose::NewTraining
            },
        });
        places.training.push(n);
    }
    (d, places, errors)
}

/// The rules the domain checks, for a recalculation that does not save: the same messages the
/// use case gives.
fn problems(
    d: &Declaration,
    groups: &[Group],
    levels: &[Choice],
) -> Vec<labour_app::errors::FieldError> {
    let occupation = |o: &str| {
        groups
            .iter()
            .any(|g| g.choices.iter().any(|c| c.value == o))
    };
    d.problems(
        |g| groups.iter().any(|x| x.key == g),
        occupation,
        |l| l != NO_TRAINING && levels.iter().any(|x| x.value == l),
    )
    .into_iter()
    .map(|(field, e)| labour_app::errors::field_error(&field, &e))
    .collect()
}

struct Input {
    typed: Typed,
    errors: Errors,
    saved: bool,
    recalculated: bool,
}

async fn form_page(
    ctx: &Ctx,
    org: OrganisationRow,
    year: i32,
    input: Option<Input>,
) -> Result<FormPage, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let store = |e: labour_store::Error| WebError::new(e.into(), lang);
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let state = labour_store::declarations::year_state(&mut conn, year)
        .await
        .map_err(store)?;
    if state == YearState::NotOpened {
        return Err(not_found(lang, org.id, i64::from(year)));
    }
    let row: Option<DeclarationRow> = labour_store::declarations::find(&mut conn, org.id, year)
        .await
        .map_err(store)?;
    let reminded = labour_store::declarations::reminders_of(&mut conn, org.id)
        .await
        .map_err(store)?
        .into_iter()
        .find(|(y, _)| *y == year)
        .map(|(_, at)| labels::date(lang, at));
    drop(conn);
    let choices = Choices::load(&ctx.state.app, lang).await.map_err(fail)?;
    let levels = workforce_levels(ctx, &choices);
    let (typed, errors, saved, recalculated) = match input {
        Some(i) => (i.typed, i.errors, i.saved, i.recalculated),
        None => {
            let d = row
                .as_ref()
                .and_then(|r| serde_json::from_value::<Declaration>(r.content.clone()).ok())
                .unwrap_or_default();
            (typed_from(&d), Errors::default(), false, false)
        }
    };
    let column_names: Vec<String> = COLUMNS
        .iter()
        .map(|c| ctx.t(&format!("declarations.column_{c}")).into_owned())
        .collect();
    let value = |id: &str| typed.get(id).cloned().unwrap_or_default();
    let shown = |n: u64| crate::format::number(lang, n);
    let mut level_sums: Vec<[u64; 3]> = vec![[0; 3]; levels.len()];
    let mut grand = [0u64; 3];
    let groups: Vec<GroupBlock> = choices
        .occupations
        .iter()
        .map(|g| {
            let mut sums = [0u64; 3];
            let rows = levels
                .iter()
                .enumerate()
                .map(|(li, l)| LevelRow {
                    code: l.value.clone(),
                    label: l.label.clone(),
                    cells: COLUMNS
                        .iter()
                        .enumerate()
                        .map(|(ci, c)| {
                            let id = cell_id(&g.key, &l.value, c);
                            let v = value(&id);
                            let n = u64::from(count(&v).unwrap_or(0));
                            sums[ci] += n;
                            level_sums[li][ci] += n;
                            grand[ci] += n;
                            Cell {
                                label: format!("{}, {}: {}", g.label, l.label, column_names[ci]),
                                id,
                                value: v,
                            }
                        })
                        .collect(),
                })
                .collect();
            GroupBlock {
                key: g.key.clone(),
                label: g.label.clone(),
                rows,
                totals: sums.iter().map(|n| shown(*n)).collect(),
            }
        })
        .collect();
    let level_totals = levels
        .iter()
        .zip(&level_sums)
        .map(|(l, s)| LevelTotal {
            code: l.value.clone(),
            label: l.label.clone(),
            totals: s.iter().map(|n| shown(*n)).collect(),
        })
        .collect();
    let level_word = |code: &str| {
        levels.iter().find(|l| l.value == code).map_or_else(
            || levels.last().map(|l| l.label.clone()).unwrap_or_default(),
            |l| l.label.clone(),
        )
    };
    let lines =
        |prefix: char| (rows_in(&typed, prefix) + SPARE_ROWS).clamp(MIN_ROWS, MAX_FORM_ROWS);
    let recruitment = (0..lines('r'))
        .map(|n| RecruitLine {
            n,
            ids: ["occupation", "level", "headcount"].map(|f| format!("r{n}-{f}")),
            occupation: value(&format!("r{n}-occupation")),
            occupation_label: choices.occupation(&value(&format!("r{n}-occupation"))),
            level: value(&format!("r{n}-level")),
            level_label: level_word(&value(&format!("r{n}-level"))),
            headcount: value(&format!("r{n}-headcount")),
        })
        .collect();
    let training = (0..lines('t'))
        .map(|n| TrainLine {
            n,
            ids: ["group", "level", "trainees", "purpose"].map(|f| format!("t{n}-{f}")),
            group: value(&format!("t{n}-group")),
            group_label: choices.group(&value(&format!("t{n}-group"))),
            level: value(&format!("t{n}-level")),
            level_label: level_word(&value(&format!("t{n}-level"))),
            trainees: value(&format!("t{n}-trainees")),
            purpose: value(&format!("t{n}-purpose")),
        })
        .collect();
    let title = crate::i18n::t_with(
        lang,
        "declarations.form_title",
        &[("year", &year.to_string())],
    );
    Ok(FormPage {
        page: ctx.page(title),
        org_id: org.id,
        editable: state == YearState::Open && may_declare(ctx, &org),
        enterprise: org.kind == OrganisationKind::Enterprise,
        org_name: org.name,
        year,
        closed: state == YearState::Closed,
        version: row.as_ref().map(|r| r.version),
        updated: row.as_ref().map(|r| labels::date(lang, r.updated_at)),
        reminded,
        saved,
        recalculated,
        groups,
        level_totals,
        grand: grand.iter().map(|n| shown(*n)).collect(),
        column_names,
        occupations: choices.occupations.clone(),
        levels: choices.levels.iter().rev().cloned().collect(),
        recruitment,
        training,
        errors,
    })
}

fn year_of(lang: Lang, id: Uuid, year: i64) -> Result<i32, WebError> {
    if labour_domain::bounds::declaration_years().contains(&year) {
        i32::try_from(year).map_err(|_| not_found(lang, id, year))
    } else {
        Err(not_found(lang, id, year))
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

async fn show(
    ctx: Ctx,
    path: web::Path<(String, i64)>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (id, year) = path.into_inner();
    let org = organisation(&ctx, &id).await?;
    let year = year_of(ctx.lang, org.id, year)?;
    let mut page = form_page(&ctx, org, year, None).await?;
    page.saved = q.saved.is_some();
    Ok(ctx.render(&page))
}

async fn save(
    ctx: Ctx,
    path: web::Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let (id, year) = path.into_inner();
    let org = organisation(&ctx, &id).await?;
    let year = year_of(lang, org.id, year)?;
    let typed: Typed = pairs
        .into_iter()
        .filter(|(k, _)| k.starts_with(['w', 'r', 't']) || k == "version" || k == "action")
        .collect();
    let recalculate = typed.get("action").is_some_and(|a| a == "recalculate");
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let levels = workforce_levels(&ctx, &choices);
    let (declaration, places, mut errors) = parse(lang, &typed, &choices.occupations, &levels);
    let back = |typed: Typed, errors: Errors, recalculated: bool| Input {
        typed,
        errors,
        saved: false,
        recalculated,
    };
    if recalculate || !errors.is_empty() {
        // A recalculation checks what the use case would, without saving.
        for e in problems(&declaration, &choices.occupations, &levels) {
            let field = places.field(&e.field);
            if !errors.has(&field) {
                errors.add(&field, e.message.get(lang));
            }
        }
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let page = form_page(&ctx, org, year, Some(back(typed, errors, recalculate))).await?;
        return Ok(ctx.render_status(status, &page));
    }
    let expected = typed
        .get("version")
        .and_then(|v| v.parse::<i32>().ok())
        .ok_or_else(|| {
            labour_app::Error::new(ErrorCode::PreconditionRequired).detail(
                "Bản kê khai đã có; hãy mở lại trang rồi sửa.",
                "A declaration exists already; open the page again and correct it.",
            )
        });
    let org_id = org.id;
    match labour_app::declarations::update(
        &ctx.state.app,
        &ctx.caller,
        org_id,
        year,
        declaration,
        expected,
    )
    .await
    {
        Ok(_) => Ok(ctx.see_other(&format!(
            "/account/organisations/{org_id}/declarations/{year}?saved=1"
        ))),
        Err(e) => {
            let status = match e.code {
                ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::Conflict
                | ErrorCode::PreconditionFailed
                | ErrorCode::PreconditionRequired => StatusCode::CONFLICT,
                _ => return Err(WebError::new(e, lang)),
            };
            let errors = Errors::from_error(&e, lang, |f| places.field(f));
            let page = form_page(&ctx, org, year, Some(back(typed, errors, false))).await?;
            Ok(ctx.render_status(status, &page))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_blanks_and_separators_and_refuse_words() {
        assert_eq!(count(""), Ok(0));
        assert_eq!(count(" 1.200 "), Ok(1200));
        assert_eq!(count("1,200"), Ok(1200));
        assert_eq!(count("12a"), Err(()));
        assert_eq!(count("-3"), Err(()));
        assert_eq!(count("99999999999"), Err(()));
    }

    #[test]
    fn a_use_case_field_finds_its_cell() {
        let places = Places {
            workforce: vec![("co_khi".into(), "so_cap".into())],
            recruitment: vec![2],
            training: vec![],
        };
        assert_eq!(
            places.field("workforce[0].ethnic_minority"),
            "w-co_khi-so_cap-ethnic_minority"
        );
        assert_eq!(
            places.field("planned_recruitment[0].occupation_code"),
            "r2-occupation"
        );
        assert_eq!(places.field("workforce"), "workforce");
        assert_eq!(places.field("training_needs[4].level"), "training");
    }
}

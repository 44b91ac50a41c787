//! `POST /api/v1/organisations`: a signed-in person registers their enterprise or school.

use actix_web::{HttpResponse, post, web};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::organisation::{
    OrganisationIdentity, OrganisationKind, Verification, licence_number,
};
use labour_domain::policy::Action;
use labour_domain::tax_code::TaxCode;
use labour_store::audit::Event;
use labour_store::organisations::{CreateOutcome, NewOrganisation};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Organisation;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Text;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganisationRequest {
    /// `enterprise` or `school`.
    #[schema(example = "enterprise")]
    pub kind: String,
    #[schema(example = "Công ty TNHH Cơ khí Đồng Bành")]
    pub name: String,
    /// Required for an enterprise: 10 digits (or 13 with a branch), check digit verified.
    #[schema(example = "0100109106")]
    pub tax_code: Option<String>,
    /// Required for a school.
    pub licence_number: Option<String>,
    pub zone_id: Option<Uuid>,
    #[schema(example = "06463")]
    pub commune_code: Option<String>,
    pub address: Option<String>,
}

fn field(
    field: &str,
    code: &'static str,
    vi: impl Into<String>,
    en: impl Into<String>,
) -> FieldError {
    FieldError {
        field: field.into(),
        code,
        message: Text::new(vi, en),
    }
}

/// Registers an enterprise or a school; the caller becomes its first member. It stays
/// unverified (its postings wait) until employment service centre staff verify it.
#[utoipa::path(
    tag = "organisations",
    request_body = CreateOrganisationRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Organisation),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateOrganisationRequest>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::RegisterOrganisation, || {
        ApiError::internal("never hidden")
    })?;
    let account = caller
        .account()
        .ok_or_else(|| ApiError::internal("no account"))?;
    let mut check = FieldErrors::default();
    let kind = check.check("kind", OrganisationKind::parse(&body.kind));
    let name = check.check("name", labour_domain::account::display_name(&body.name));
    let identity = match kind {
        Some(OrganisationKind::Enterprise) => match body.tax_code.as_deref() {
            Some(t) => check
                .check("tax_code", TaxCode::parse(t))
                .map(|tax_code| OrganisationIdentity::Enterprise { tax_code }),
            None => {
                check.push(field(
                    "tax_code",
                    "required",
                    "Doanh nghiệp cần mã số thuế.",
                    "An enterprise needs its tax code.",
                ));
                None
            }
        },
        Some(OrganisationKind::School) => Some(OrganisationIdentity::School),
        Some(OrganisationKind::Agency) => {
            check.push(field(
                "kind",
                "unknown_value",
                "Chỉ doanh nghiệp (enterprise) hoặc cơ sở GDNN (school) tự đăng ký được.",
                "Only an enterprise or a school can register itself.",
            ));
            None
        }
        None => None,
    };
    let licence = match (kind, body.licence_number.as_deref()) {
        (Some(OrganisationKind::School), None) => {
            check.push(field(
                "licence_number",
                "required",
                "Cơ sở GDNN cần số giấy chứng nhận đăng ký hoạt động.",
                "A school needs its licence number.",
            ));
            None
        }
        (_, Some(l)) => check.check("licence_number", licence_number(l)),
        _ => None,
    };
    let commune = body
        .commune_code
        .as_deref()
        .and_then(|c| check.check("commune_code", CommuneCode::parse(c)));
    let mut conn = state.conn().await?;
    if let Some(code) = &commune
        && labour_store::communes::find(&mut conn, code)
            .await?
            .is_none()
    {
        check.push(field(
            "commune_code",
            "unknown_value",
            "Không có xã, phường với mã này.",
            "No commune or ward has this code.",
        ));
    }
    if let Some(zone) = body.zone_id
        && labour_store::zones::find(&mut conn, zone).await?.is_none()
    {
        check.push(field(
            "zone_id",
            "unknown_value",
            "Không có khu, cụm công nghiệp này.",
            "No such zone.",
        ));
    }
    check.finish()?;
    let (Some(identity), Some(name)) = (identity, name) else {
        return Err(ApiError::internal("checked fields missing"));
    };
    let new = NewOrganisation {
        id: Uuid::now_v7(),
        identity,
        name,
        zone_id: body.zone_id,
        commune_code: commune.map(|c| c.as_str().to_owned()),
        address: body
            .address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned),
        licence_number: licence,
        verification: Verification::Pending,
    };
    let row = match labour_store::organisations::create(&mut conn, &new, account).await? {
        CreateOutcome::Created(row) => *row,
        CreateOutcome::TaxCodeTaken => {
            return Err(ApiError::new(ErrorCode::Conflict)
                .detail(
                    "Mã số thuế này đã được đăng ký; hãy liên hệ người quản lý tài khoản của doanh nghiệp.",
                    "This tax code is already registered; ask whoever manages the enterprise's account.",
                )
                .with_errors(vec![field("tax_code", "taken", "Đã được đăng ký.", "Already registered.")]));
        }
    };
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("organisation"),
        subject_id: Some(row.id.to_string()),
        ..caller.event("organisation_registered", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Created().json(Organisation::from(row)))
}

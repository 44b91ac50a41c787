//! A signed-in person registers their enterprise or school and becomes its first member.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::organisation::{
    OrganisationIdentity, OrganisationKind, Verification, licence_number,
};
use labour_domain::policy::Action;
use labour_domain::tax_code::TaxCode;
use labour_store::audit::Event;
use labour_store::organisations::{CreateOutcome, NewOrganisation, OrganisationRow};
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller, policy};

/// What a person registering an organisation sends, as they sent it.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisationInput {
    pub kind: String,
    pub name: String,
    pub tax_code: Option<String>,
    pub licence_number: Option<String>,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
}

fn field(field: &str, code: &'static str, vi: &str, en: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code,
        message: Text::new(vi, en),
    }
}

/// Registers the organisation, unverified, with the caller as its first member; its audit row
/// in the same transaction.
pub async fn create(
    app: &App,
    caller: &Caller,
    input: NewOrganisationInput,
) -> crate::Result<OrganisationRow> {
    policy::require(caller, Action::RegisterOrganisation, || {
        Error::internal("never hidden")
    })?;
    let account = caller
        .account()
        .ok_or_else(|| Error::internal("no account"))?;
    let mut check = FieldErrors::default();
    let kind = check.check("kind", OrganisationKind::parse(&input.kind));
    let name = check.check("name", labour_domain::account::display_name(&input.name));
    let identity = match kind {
        Some(OrganisationKind::Enterprise) => match input.tax_code.as_deref() {
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
    let licence = match (kind, input.licence_number.as_deref()) {
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
    let commune = input
        .commune_code
        .as_deref()
        .and_then(|c| check.check("commune_code", CommuneCode::parse(c)));
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        if let Some(code) = &commune
            && labour_store::communes::find(conn, code).await?.is_none()
        {
            check.push(field(
                "commune_code",
                "unknown_value",
                "Không có xã, phường với mã này.",
                "No commune or ward has this code.",
            ));
        }
        if let Some(zone) = input.zone_id
            && labour_store::zones::find(conn, zone).await?.is_none()
        {
            check.push(field(
                "zone_id",
                "unknown_value",
                "Không có khu, cụm công nghiệp này.",
                "No such zone.",
            ));
        }
        std::mem::take(&mut check).finish()?;
        let (Some(identity), Some(name)) = (identity, name) else {
            return Err(Error::internal("checked fields missing"));
        };
        let new = NewOrganisation {
            id: Uuid::now_v7(),
            identity,
            name,
            zone_id: input.zone_id,
            commune_code: commune.map(|c| c.as_str().to_owned()),
            address: input
                .address
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned),
            licence_number: licence,
            verification: Verification::Pending,
        };
        let row = match labour_store::organisations::create(conn, &new, account).await? {
            CreateOutcome::Created(row) => *row,
            CreateOutcome::TaxCodeTaken => {
                return Err(Error::new(ErrorCode::Conflict)
                    .detail(
                        "Mã số thuế này đã được đăng ký; hãy liên hệ người quản lý tài khoản của doanh nghiệp.",
                        "This tax code is already registered; ask whoever manages the enterprise's account.",
                    )
                    .with_errors(vec![field("tax_code", "taken", "Đã được đăng ký.", "Already registered.")]));
            }
        };
        let event = Event {
            subject_type: Some("organisation"),
            subject_id: Some(row.id.to_string()),
            ..caller.event("organisation_registered", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(row)
    })
    .await
}

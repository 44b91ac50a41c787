//! The members of an organisation: who they are (for fellow members and staff), and a member
//! adding another person who already has an account.
//!
//! Adding is not an invitation: the account becomes a member at once. The answer says plainly
//! whether an account with that email or phone exists, because the list of members shows it the
//! moment it is added: a neutral answer would hide nothing. What keeps this from being a way to
//! learn who is registered, or to attach strangers, is who may ask: only members of an
//! organisation staff have verified (`Action::ManageMembers`), and every addition is in the
//! audit log.

use diesel_async::AsyncConnection;
use labour_domain::account::{AccountRole, Identifier};
use labour_domain::policy::{Action, Actor};
use labour_store::audit::Event;
use labour_store::organisations::{MemberRow, OrganisationRow};
use uuid::Uuid;

use super::{Lock, facts, load_for, not_found};
use crate::errors::{Error, ErrorCode, FieldError, field_error};
use crate::lang::Text;
use crate::{App, Caller, policy};

/// The organisation and its members (name and since when; nothing else about them).
pub async fn list(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
) -> crate::Result<(OrganisationRow, Vec<MemberRow>)> {
    let mut conn = app.conn().await?;
    let row = load_for(
        &mut conn,
        caller,
        organisation,
        Lock::None,
        Action::ReadMembers,
    )
    .await?;
    let members = labour_store::organisations::members(&mut conn, organisation).await?;
    Ok((row, members))
}

/// Who to add, as typed: an email or a mobile number of an existing account.
#[derive(Debug, Clone, Default)]
pub struct NewMember {
    pub identifier: String,
}

fn identifier_error(code: &'static str, vi: &str, en: &str) -> Error {
    Error::new(ErrorCode::ValidationFailed).with_errors(vec![FieldError {
        field: "identifier".into(),
        code,
        message: Text::new(vi, en),
    }])
}

/// Whether `caller` may add members to `row`, with the reason in words when they may not
/// (a pending organisation is told it waits for verification).
pub fn may_add(caller: &Caller, row: &OrganisationRow) -> crate::Result<()> {
    let action = Action::ManageMembers(facts(row));
    let member = matches!(&caller.actor, Actor::Account { memberships, .. }
        if memberships.iter().any(|m| m.organisation == row.id));
    if member && !row.verified() && !row.refused() {
        return Err(Error::new(ErrorCode::OrganisationUnverified).detail(
            "Tổ chức chưa được cán bộ xác minh nên chưa thêm được thành viên.",
            "Staff have not verified this organisation yet, so it cannot add members yet.",
        ));
    }
    policy::require(caller, action, || not_found(row.id))
}

/// Makes the account with this email or phone a member; the membership and its audit row are
/// written together.
pub async fn add(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
    input: NewMember,
) -> crate::Result<MemberRow> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = load_for(conn, caller, organisation, Lock::Share, Action::ReadMembers).await?;
        may_add(caller, &row)?;
        let identifier = Identifier::parse(&input.identifier).map_err(|e| {
            Error::new(ErrorCode::ValidationFailed)
                .with_errors(vec![field_error("identifier", &e)])
        })?;
        let account = labour_store::accounts::find_by_identifier(conn, &identifier).await?;
        let Some(account) = account.filter(|a| a.role == AccountRole::User) else {
            // Staff accounts are never members of an organisation: answered as no account.
            return Err(identifier_error(
                "no_account",
                "Không có tài khoản nào với email hoặc số điện thoại này. Hãy nhờ người đó đăng ký trước, rồi thêm lại.",
                "No account has this email or phone number. Ask them to sign up first, then add them.",
            ));
        };
        if !labour_store::organisations::add_member(conn, organisation, account.id).await? {
            return Err(Error::new(ErrorCode::Conflict)
                .detail(
                    "Người này đã là thành viên.",
                    "This person is already a member.",
                )
                .with_errors(vec![FieldError {
                    field: "identifier".into(),
                    code: "already_member",
                    message: Text::new("Đã là thành viên.", "Already a member."),
                }]));
        }
        let event = Event {
            subject_type: Some("organisation"),
            subject_id: Some(organisation.to_string()),
            details: serde_json::json!({ "account": account.id }),
            ..caller.event("member_added", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        let members = labour_store::organisations::members(conn, organisation).await?;
        members
            .into_iter()
            .find(|m| m.account_id == account.id)
            .ok_or_else(|| Error::internal("added member missing"))
    })
    .await
}

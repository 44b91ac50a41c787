//! The bridge from the permission table (`domain::policy`) to errors: every use case asks here.

use labour_domain::policy::{self, Action, Decision};
use uuid::Uuid;

use crate::caller::Caller;
use crate::errors::{Error, ErrorCode};

/// Asks the policy; `not_found` builds the same error a missing resource gives, so a hidden
/// resource and an absent one look alike.
pub fn require(
    caller: &Caller,
    action: Action,
    not_found: impl FnOnce() -> Error,
) -> Result<(), Error> {
    match policy::decide(&caller.actor, action) {
        Decision::Allow => Ok(()),
        Decision::Unauthenticated => Err(Error::new(ErrorCode::Unauthenticated)
            .detail(
                "Hãy đăng nhập (hoặc gửi khóa API) rồi thử lại.",
                "Sign in (or send an API key) and try again.",
            )
            .hint("www-authenticate", "Bearer")),
        Decision::Forbidden => Err(Error::new(ErrorCode::Forbidden).detail(
            "Tài khoản hoặc khóa này không có quyền thực hiện việc này.",
            "This account or key may not do this.",
        )),
        Decision::NotFound => Err(not_found()),
        Decision::OrganisationRefused => Err(Error::new(ErrorCode::OrganisationRefused).detail(
            "Tổ chức đã bị cán bộ từ chối xác minh nên không thể làm việc này cho đến khi được xác minh lại.",
            "Staff refused this organisation's verification, so it cannot do this until it is verified again.",
        )),
    }
}

/// The signed-in account acting for itself (its profile, saved searches, notifications): 401
/// without one, 403 for an API key.
pub fn require_own_account(caller: &Caller) -> Result<Uuid, Error> {
    require(caller, Action::ReadOwnAccount, || {
        Error::internal("never hidden")
    })?;
    caller
        .account()
        .ok_or_else(|| Error::internal("an account caller without an account"))
}

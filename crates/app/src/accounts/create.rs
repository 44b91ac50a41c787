//! A worker signs up.

use diesel_async::AsyncConnection;
use labour_store::accounts::{AccountRole, NewAccount};
use labour_store::audit::Event;
use uuid::Uuid;

use super::NewAccountInput;
use crate::auth::Auth;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller};

/// Signs up a worker. The outcome is the same whether or not the email or phone already has
/// an account, so that nobody can learn who is registered. Sign-ups are limited per address.
pub async fn create(
    app: &App,
    auth: &Auth,
    caller: &Caller,
    input: NewAccountInput,
) -> crate::Result<()> {
    let checked = input.check()?;
    if let Err(wait) = auth.limits.sign_up(caller.client_addr) {
        return Err(Error::new(ErrorCode::RateLimited)
            .detail(
                format!("Có quá nhiều lượt đăng ký từ địa chỉ này; thử lại sau {wait} giây."),
                format!("Too many sign-ups from this address; try again in {wait} s."),
            )
            .hint("retry-after", wait.to_string()));
    }
    // Hash first, whatever happens next, so both outcomes take the same time.
    let hash = auth
        .hasher
        .hash(checked.password.expose().to_owned())
        .await?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let new = NewAccount {
            id: Uuid::now_v7(),
            role: AccountRole::User,
            identifier: &checked.identifier,
            display_name: &checked.display_name,
            password_hash: &hash,
        };
        if labour_store::accounts::insert(conn, &new).await? {
            // The new account is its own actor; the identifier stays out of the log.
            let event = Event {
                actor_account: Some(new.id),
                subject_type: Some("account"),
                subject_id: Some(new.id.to_string()),
                ..caller.event("account_created", &addr)
            };
            labour_store::audit::record(conn, event).await?;
        }
        Ok(())
    })
    .await
}

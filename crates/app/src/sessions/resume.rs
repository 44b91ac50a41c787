//! Resume a web session: the cookie's token back to the caller it signed in.

use std::net::IpAddr;

use labour_domain::policy::Actor;

use crate::auth::tokens::hash_secret;
use crate::{App, Caller};

/// Longest token worth looking up; a longer one cannot be ours.
const MAX_TOKEN_BYTES: usize = 128;

/// A resumed session: who acts, and the name the pages greet them by.
#[derive(Debug, Clone)]
pub struct Resumed {
    pub caller: Caller,
    pub display_name: String,
}

/// The caller a session token stands for, or `None` when the token is unknown, expired, its
/// session ended, or the account was signed out everywhere after the session began.
pub async fn resume(
    app: &App,
    token: &str,
    client_addr: Option<IpAddr>,
) -> crate::Result<Option<Resumed>> {
    if token.is_empty() || token.len() > MAX_TOKEN_BYTES {
        return Ok(None);
    }
    let mut conn = app.conn().await?;
    let Some((session, account, began)) =
        labour_store::sessions::find_by_token(&mut conn, &hash_secret(token)).await?
    else {
        return Ok(None);
    };
    let Some(account) = labour_store::accounts::find(&mut conn, account).await? else {
        return Ok(None);
    };
    if began < account.sessions_valid_after {
        return Ok(None);
    }
    Ok(Some(Resumed {
        caller: Caller {
            actor: actor_of(&mut conn, &account).await?,
            session: Some(session),
            client_addr,
        },
        display_name: account.display_name,
    }))
}

/// The actor an account acts as: its staff level and its organisations.
pub async fn actor_of(
    conn: &mut labour_store::Conn,
    account: &labour_store::accounts::AccountRow,
) -> crate::Result<Actor> {
    let memberships = labour_store::accounts::membership_kinds(conn, account.id)
        .await?
        .into_iter()
        .map(|(organisation, kind)| labour_domain::policy::Membership { organisation, kind })
        .collect();
    Ok(Actor::Account {
        id: account.id,
        staff: account.role.staff_level(),
        memberships,
    })
}

//! Who is acting: the actor the policy decides for, with what the audit log records of them.
//! Each face resolves it from its own credentials (an access token or API key, a cookie session).

use std::net::IpAddr;

use labour_domain::policy::Actor;
use labour_store::audit::Event;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct Caller {
    pub actor: Actor,
    /// The session signed in with, when there is one.
    pub session: Option<Uuid>,
    pub client_addr: Option<IpAddr>,
}

impl Caller {
    pub fn anonymous(client_addr: Option<IpAddr>) -> Caller {
        Caller {
            actor: Actor::Anonymous,
            session: None,
            client_addr,
        }
    }

    pub fn account(&self) -> Option<Uuid> {
        match &self.actor {
            Actor::Account { id, .. } => Some(*id),
            _ => None,
        }
    }

    pub fn api_key(&self) -> Option<Uuid> {
        match &self.actor {
            Actor::ApiKey { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// An audit event by this caller; the client address goes into the audit log only.
    pub fn event<'a>(&self, action: &'a str, addr: &'a str) -> Event<'a> {
        Event {
            actor_account: self.account(),
            actor_api_key: self.api_key(),
            action,
            client_addr: (!addr.is_empty()).then_some(addr),
            ..Event::default()
        }
    }

    pub fn addr_string(&self) -> String {
        self.client_addr.map(|a| a.to_string()).unwrap_or_default()
    }
}

/// A client address as a proxy header or the socket gives it: an IP, or an IP and a port.
pub fn parse_addr(text: &str) -> Option<IpAddr> {
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
}

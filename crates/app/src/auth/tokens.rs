//! Access tokens (short-lived JWTs), refresh tokens and API keys (random, stored as SHA-256).

use crate::jobs::digest::UnsubscribeKeys;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// What an API key starts with; tells keys from JWTs in `Authorization: Bearer`.
pub const API_KEY_PREFIX: &str = "lm_";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The account.
    pub sub: Uuid,
    /// The session (login) the token belongs to; revoking it ends the token.
    pub sid: Uuid,
    pub iat: i64,
    pub exp: i64,
}

/// Signs and checks access tokens with one HMAC-SHA256 secret.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// The unsubscribe links of the email digest, signed with the same secret.
    links: UnsubscribeKeys,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys([hidden])")
    }
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> JwtKeys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub", "iat"]);
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            links: UnsubscribeKeys::new(secret),
        }
    }

    /// The token of an account's one-click unsubscribe link.
    pub fn unsubscribe_token(&self, account: Uuid) -> String {
        self.links.token(account)
    }

    /// The account of a valid unsubscribe token.
    pub fn verify_unsubscribe(&self, token: &str) -> Option<Uuid> {
        self.links.verify(token)
    }

    pub fn issue(
        &self,
        account: Uuid,
        session: Uuid,
        issued: DateTime<Utc>,
        ttl_secs: i64,
    ) -> String {
        let claims = Claims {
            sub: account,
            sid: session,
            iat: issued.timestamp(),
            exp: issued.timestamp() + ttl_secs,
        };
        // HS256 over serialisable claims cannot fail.
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .unwrap_or_default()
    }

    /// The claims of a valid, unexpired token signed with this secret.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}

/// The digest signs its unsubscribe links with the keys that sign access tokens.
impl From<JwtKeys> for UnsubscribeKeys {
    fn from(keys: JwtKeys) -> UnsubscribeKeys {
        keys.links
    }
}

/// SHA-256 of a high-entropy secret: what the database keeps instead of the secret.
pub fn hash_secret(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

fn random(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// A new refresh token (256 random bits) and its hash.
pub fn new_refresh_token() -> (String, Vec<u8>) {
    let token = random(32);
    let hash = hash_secret(&token);
    (token, hash)
}

/// A new API key `lm_<8 chars>_<secret>`: the key, its displayable prefix, and its hash.
pub fn new_api_key() -> (String, String, Vec<u8>) {
    let id = random(6);
    let key = format!("{API_KEY_PREFIX}{id}_{}", random(32));
    let prefix = format!("{API_KEY_PREFIX}{id}");
    let hash = hash_secret(&key);
    (key, prefix, hash)
}

/// A fresh secret for signing tokens (local mode).
pub fn new_signing_secret() -> String {
    random(48)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_with_their_secret_and_before_expiry() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let other = JwtKeys::new(b"another secret of enough length!!");
        let (account, session) = (Uuid::now_v7(), Uuid::now_v7());
        let token = keys.issue(account, session, Utc::now(), 900);
        assert_eq!(
            keys.verify(&token).map(|c| (c.sub, c.sid)),
            Some((account, session))
        );
        assert!(other.verify(&token).is_none());
        let expired = keys.issue(
            account,
            session,
            Utc::now() - chrono::Duration::hours(1),
            900,
        );
        assert!(keys.verify(&expired).is_none());
        assert!(keys.verify("not.a.token").is_none());
    }

    #[test]
    fn unsubscribe_links_and_access_tokens_do_not_pass_for_each_other() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let other = JwtKeys::new(b"another secret of enough length!!");
        let account = Uuid::now_v7();
        let link = keys.unsubscribe_token(account);
        assert_eq!(keys.verify_unsubscribe(&link), Some(account));
        assert!(other.verify_unsubscribe(&link).is_none());
        assert!(keys.verify(&link).is_none());
        let access = keys.issue(account, Uuid::now_v7(), Utc::now(), 900);
        assert!(keys.verify_unsubscribe(&access).is_none());
    }

    #[test]
    fn keys_and_refresh_tokens_are_random_and_hashed() {
        let (a, prefix, hash) = new_api_key();
        let (b, _, _) = new_api_key();
        assert_ne!(a, b);
        assert!(a.starts_with(&prefix) && prefix.starts_with(API_KEY_PREFIX));
        assert_eq!(hash, hash_secret(&a));
        let (t, h) = new_refresh_token();
        assert!(t.len() >= 43 && h.len() == 32);
    }
}

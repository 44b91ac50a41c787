//! What every handler can reach: the use-case layer's context and the HTTP side of
//! authentication (token keys, password hasher, rate limits).

use labour_store::Pool;

#[derive(Clone, Debug)]
pub struct AppState {
    pub app: labour_app::App,
    pub auth: std::sync::Arc<crate::auth::AuthState>,
}

impl std::ops::Deref for AppState {
    type Target = labour_app::App;
    fn deref(&self) -> &labour_app::App {
        &self.app
    }
}

impl AppState {
    /// The state for this configuration: the signing secret resolved (generated in local mode),
    /// the password hasher and rate limits set up, the mailer and SMS sender of the use cases.
    pub fn new(
        config: &crate::config::Config,
        pool: Pool,
        search: labour_search::AnyEngine,
    ) -> Result<AppState, crate::auth::AuthSetupError> {
        use secrecy::ExposeSecret;
        let secret = crate::auth::secret::resolve(
            config.mode,
            config.auth.jwt_secret.as_ref(),
            &config.data_dir,
        )?;
        let auth = crate::auth::AuthState::new(&config.auth, secret.expose_secret().as_bytes())?;
        let mailer = labour_app::jobs::digest::Mailer::new(&config.mail, auth.jwt.clone())?;
        Ok(AppState {
            app: labour_app::App::new(pool, search, &config.mail.public_url)
                .with_mailer(mailer)
                .with_sms(config.auth.sms_sender.sender()),
            auth: std::sync::Arc::new(auth),
        })
    }
}

//! What every handler can reach: the connection pool and the settings they need.

use labour_store::Pool;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub auth: std::sync::Arc<crate::auth::AuthState>,
    pub search: labour_search::AnyEngine,
    /// The reference data (training levels, occupations and their groups, zones, communes),
    /// read once: only a migration changes it.
    pub reference:
        std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<crate::matching::Reference>>>,
    /// The portal's public address, for links in open data and JSON-LD.
    pub public_url: String,
    /// What people search for, counted until the next flush.
    pub search_log: crate::search_demand::SearchLog,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("pool", &self.pool.status())
            .finish()
    }
}

impl AppState {
    pub async fn conn(&self) -> Result<labour_store::Conn, crate::errors::ApiError> {
        Ok(labour_store::db::get(&self.pool).await?)
    }

    /// The reference data recommendations and candidate search rank with.
    pub async fn reference(
        &self,
    ) -> Result<std::sync::Arc<crate::matching::Reference>, crate::errors::ApiError> {
        self.reference
            .get_or_try_init(|| async {
                let mut conn = self.conn().await?;
                Ok(std::sync::Arc::new(
                    crate::matching::Reference::load(&mut conn).await?,
                ))
            })
            .await
            .cloned()
    }
}

impl AppState {
    /// The state for this configuration: the signing secret resolved (generated in local mode),
    /// the password hasher and rate limits set up.
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
        Ok(AppState {
            pool,
            auth: std::sync::Arc::new(auth),
            search,
            reference: Default::default(),
            public_url: config.mail.public_url.trim_end_matches('/').to_owned(),
            search_log: Default::default(),
        })
    }
}

//! What every use case can reach: the database pools, the search engine, the reference data
//! cache and the portal's settings. Built once at start-up and shared by every face and job.

use std::sync::Arc;

use labour_store::Pool;
use tokio::sync::OnceCell;

use crate::errors::Error;
use crate::jobs::digest::Mailer;
use crate::matching::Reference;
use crate::passwords::sms::SmsSender;
use crate::search_demand::SearchLog;

#[derive(Clone)]
pub struct App {
    /// The requests' pool.
    pub pool: Pool,
    pub search: labour_search::AnyEngine,
    /// The reference data (training levels, occupations and their groups, zones, communes),
    /// read once: only a migration changes it.
    reference: Arc<OnceCell<Arc<Reference>>>,
    /// The portal's public address, for links in open data, JSON-LD and emails.
    pub public_url: String,
    /// What people search for, counted until the next flush.
    pub search_log: SearchLog,
    /// Sends the emails people ask for (password reset links); `None` without an SMTP server.
    pub mailer: Option<Mailer>,
    /// Also sends staff-issued reset codes by SMS, when one is configured.
    pub sms: Option<Arc<dyn SmsSender>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("pool", &self.pool.status())
            .field("mailer", &self.mailer.is_some())
            .field("sms", &self.sms)
            .finish()
    }
}

impl App {
    pub fn new(pool: Pool, search: labour_search::AnyEngine, public_url: &str) -> App {
        App {
            pool,
            search,
            reference: Default::default(),
            public_url: public_url.trim_end_matches('/').to_owned(),
            search_log: Default::default(),
            mailer: None,
            sms: None,
        }
    }

    #[must_use]
    pub fn with_mailer(mut self, mailer: Option<Mailer>) -> App {
        self.mailer = mailer;
        self
    }

    #[must_use]
    pub fn with_sms(mut self, sms: Option<Arc<dyn SmsSender>>) -> App {
        self.sms = sms;
        self
    }

    pub async fn conn(&self) -> Result<labour_store::Conn, Error> {
        Ok(labour_store::db::get(&self.pool).await?)
    }

    /// The reference data recommendations, candidate search and content checks use.
    pub async fn reference(&self) -> Result<Arc<Reference>, Error> {
        self.reference
            .get_or_try_init(|| async {
                let mut conn = self.conn().await?;
                Ok(Arc::new(Reference::load(&mut conn).await?))
            })
            .await
            .cloned()
    }
}

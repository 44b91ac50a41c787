//! What every use case can reach: the database pools, the search engine, the reference data
//! cache and the portal's settings. Built once at start-up and shared by every face and job.

use std::sync::Arc;

use labour_store::Pool;
use tokio::sync::OnceCell;

use crate::errors::Error;
use crate::matching::Reference;
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
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("pool", &self.pool.status())
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
        }
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

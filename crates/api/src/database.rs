//! Which database the binary uses: `DATABASE_URL`, or the private cluster in the data directory.

use labour_store::cluster::{self, LocalCluster};
use secrecy::ExposeSecret;

use crate::config::Config;

/// An open database: its connection string, and the private cluster when there is one.
#[derive(Debug)]
pub struct Database {
    url: String,
    cluster: Option<LocalCluster>,
}

impl Database {
    pub async fn open(config: &Config) -> Result<Database, labour_store::Error> {
        match &config.database.url {
            Some(url) => Ok(Database {
                url: url.expose_secret().to_owned(),
                cluster: None,
            }),
            None => {
                let local = LocalCluster::ensure(&config.data_dir).await?;
                tracing::info!(
                    data_dir = %config.data_dir.display(),
                    started_here = local.owned(),
                    "using the private PostgreSQL cluster (no DATABASE_URL)"
                );
                Ok(Database {
                    url: local.url(cluster::DATABASE),
                    cluster: Some(local),
                })
            }
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// True when the portal runs its own database (no `DATABASE_URL`).
    pub fn is_private(&self) -> bool {
        self.cluster.is_some()
    }

    /// Stops the private cluster if this process started it.
    pub async fn close(self) {
        if let Some(cluster) = self.cluster
            && let Err(e) = cluster.stop().await
        {
            tracing::error!(error = %e, "could not stop the private PostgreSQL cluster");
        }
    }
}

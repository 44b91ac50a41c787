//! A test engine that can be switched off, to show what the portal does while its search engine
//! is unreachable: the embedded engine inside, and every call failing while it is "down".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use labour_domain::posting::Kind;
use uuid::Uuid;

use crate::Error;
use crate::document::SearchDocument;
use crate::embedded::EmbeddedEngine;
use crate::engine::{SearchEngine, SearchRequest, SearchResults};

#[derive(Debug, Clone)]
pub struct SwitchableEngine {
    inner: EmbeddedEngine,
    down: Arc<AtomicBool>,
}

impl SwitchableEngine {
    pub fn new(inner: EmbeddedEngine) -> SwitchableEngine {
        SwitchableEngine {
            inner,
            down: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    fn check(&self) -> Result<(), Error> {
        if self.down.load(Ordering::SeqCst) {
            Err(Error::Unavailable(
                "connection refused (switched off by the test)".into(),
            ))
        } else {
            Ok(())
        }
    }
}

impl SearchEngine for SwitchableEngine {
    async fn ensure_settings(&self) -> Result<(), Error> {
        self.check()?;
        self.inner.ensure_settings().await
    }

    async fn upsert(&self, documents: Vec<SearchDocument>) -> Result<(), Error> {
        self.check()?;
        self.inner.upsert(documents).await
    }

    async fn delete(&self, ids: Vec<Uuid>) -> Result<(), Error> {
        self.check()?;
        self.inner.delete(ids).await
    }

    async fn search(&self, request: SearchRequest) -> Result<SearchResults, Error> {
        self.check()?;
        self.inner.search(request).await
    }

    async fn count(&self, kind: Kind) -> Result<u64, Error> {
        self.check()?;
        self.inner.count(kind).await
    }

    async fn clear(&self) -> Result<(), Error> {
        self.check()?;
        self.inner.clear().await
    }
}

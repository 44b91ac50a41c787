//! The engine the portal runs with, chosen by configuration. (An enum rather than a trait object:
//! the trait's methods return futures, which trait objects cannot.)

use labour_domain::posting::Kind;
use uuid::Uuid;

use crate::Error;
use crate::document::SearchDocument;
use crate::embedded::EmbeddedEngine;
use crate::engine::{SearchEngine, SearchRequest, SearchResults};

#[derive(Debug, Clone)]
pub enum AnyEngine {
    Embedded(EmbeddedEngine),
    Meili(crate::meili::MeiliEngine),
    /// Tests only: an engine that can be made unreachable.
    #[cfg(any(test, feature = "test-support"))]
    Switchable(crate::switchable::SwitchableEngine),
}

impl AnyEngine {
    pub fn name(&self) -> &'static str {
        match self {
            AnyEngine::Embedded(_) => "embedded",
            AnyEngine::Meili(_) => "meilisearch",
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(_) => "switchable",
        }
    }
}

impl SearchEngine for AnyEngine {
    async fn ensure_settings(&self) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.ensure_settings().await,
            AnyEngine::Meili(e) => e.ensure_settings().await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.ensure_settings().await,
        }
    }

    async fn upsert(&self, documents: Vec<SearchDocument>) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.upsert(documents).await,
            AnyEngine::Meili(e) => e.upsert(documents).await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.upsert(documents).await,
        }
    }

    async fn delete(&self, ids: Vec<Uuid>) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.delete(ids).await,
            AnyEngine::Meili(e) => e.delete(ids).await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.delete(ids).await,
        }
    }

    async fn search(&self, request: SearchRequest) -> Result<SearchResults, Error> {
        match self {
            AnyEngine::Embedded(e) => e.search(request).await,
            AnyEngine::Meili(e) => e.search(request).await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.search(request).await,
        }
    }

    async fn count(&self, kind: Kind) -> Result<u64, Error> {
        match self {
            AnyEngine::Embedded(e) => e.count(kind).await,
            AnyEngine::Meili(e) => e.count(kind).await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.count(kind).await,
        }
    }

    async fn clear(&self) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.clear().await,
            AnyEngine::Meili(e) => e.clear().await,
            #[cfg(any(test, feature = "test-support"))]
            AnyEngine::Switchable(e) => e.clear().await,
        }
    }
}

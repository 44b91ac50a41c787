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
}

impl AnyEngine {
    pub fn name(&self) -> &'static str {
        match self {
            AnyEngine::Embedded(_) => "embedded",
        }
    }
}

impl SearchEngine for AnyEngine {
    async fn ensure_settings(&self) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.ensure_settings().await,
        }
    }

    async fn upsert(&self, documents: Vec<SearchDocument>) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.upsert(documents).await,
        }
    }

    async fn delete(&self, ids: Vec<Uuid>) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.delete(ids).await,
        }
    }

    async fn search(&self, request: SearchRequest) -> Result<SearchResults, Error> {
        match self {
            AnyEngine::Embedded(e) => e.search(request).await,
        }
    }

    async fn count(&self, kind: Kind) -> Result<u64, Error> {
        match self {
            AnyEngine::Embedded(e) => e.count(kind).await,
        }
    }

    async fn clear(&self) -> Result<(), Error> {
        match self {
            AnyEngine::Embedded(e) => e.clear().await,
        }
    }
}

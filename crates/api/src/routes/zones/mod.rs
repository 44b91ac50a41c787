//! Industrial parks, clusters and the border-gate economic zone.

pub mod get;
pub mod list;

use chrono::{DateTime, Utc};
use labour_store::zones::ZoneWithCommune;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A zone where enterprises operate.
#[derive(Debug, Serialize, ToSchema)]
pub struct Zone {
    pub id: Uuid,
    /// Stable readable key, from the name.
    #[schema(example = "khu-cong-nghiep-dong-banh")]
    pub slug: String,
    #[schema(example = "Khu công nghiệp Đồng Bành")]
    pub name: String,
    /// `industrial_park` (KCN), `industrial_cluster` (CCN) or `economic_zone`.
    #[schema(example = "industrial_park")]
    pub kind: String,
    pub commune: Option<CommuneRef>,
    /// Area in hectares, where known.
    pub area_ha: Option<f64>,
    /// `operating`, `planned` or `unknown`.
    pub status: String,
    /// Where the facts about this zone come from.
    pub source: String,
    /// `high`, `medium` or `low`: how far the source can be trusted.
    pub confidence: String,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommuneRef {
    #[schema(example = "06463")]
    pub code: String,
    pub name: String,
}

impl From<ZoneWithCommune> for Zone {
    fn from(row: ZoneWithCommune) -> Zone {
        let z = row.zone;
        Zone {
            id: z.id,
            slug: z.slug,
            name: z.name,
            kind: z.kind,
            commune: z
                .commune_code
                .zip(row.commune_name)
                .map(|(code, name)| CommuneRef { code, name }),
            area_ha: z.area_ha,
            status: z.status,
            source: z.source,
            confidence: z.confidence,
            version: z.version,
            updated_at: z.updated_at,
        }
    }
}

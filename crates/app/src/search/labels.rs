//! The names a search result's codes are shown by (zones, communes, occupation groups, training
//! levels): read once with the rest of the reference data, as only a migration changes them.

use std::collections::HashMap;

use labour_domain::ClosedSet;
use labour_domain::zone::ZoneKind;
use uuid::Uuid;

use crate::lang::{Lang, Text};

/// A zone as the home page and the filters list it.
#[derive(Debug, Clone)]
pub struct ZoneLabel {
    pub id: Uuid,
    pub name: String,
    pub kind: Option<ZoneKind>,
}

#[derive(Debug, Default)]
pub struct Labels {
    /// Every zone: the border-gate economic zone, the parks, then the clusters, by name.
    pub zones: Vec<ZoneLabel>,
    communes: HashMap<String, String>,
    groups: HashMap<String, Text>,
    levels: HashMap<String, Text>,
}

impl Labels {
    pub async fn load(conn: &mut labour_store::Conn) -> Result<Labels, labour_store::Error> {
        let mut zones: Vec<ZoneLabel> = labour_store::zones::all(conn)
            .await?
            .into_iter()
            .map(|z| ZoneLabel {
                id: z.id,
                kind: ZoneKind::parse(&z.kind).ok(),
                name: z.name,
            })
            .collect();
        let order = |k: Option<ZoneKind>| match k {
            Some(ZoneKind::EconomicZone) => 0,
            Some(ZoneKind::IndustrialPark) => 1,
            Some(ZoneKind::IndustrialCluster) => 2,
            None => 3,
        };
        zones.sort_by(|a, b| {
            (order(a.kind), labour_domain::text::fold(&a.name))
                .cmp(&(order(b.kind), labour_domain::text::fold(&b.name)))
        });
        Ok(Labels {
            zones,
            communes: labour_store::communes::all(conn)
                .await?
                .into_iter()
                .map(|c| (c.code, c.name))
                .collect(),
            groups: labour_store::occupations::groups(conn)
                .await?
                .into_iter()
                .map(|g| (g.key, Text::new(g.name_vi, g.name_en)))
                .collect(),
            levels: labour_store::training_levels::list(conn)
                .await?
                .into_iter()
                .map(|l| (l.code, Text::new(l.name_vi, l.name_en)))
                .collect(),
        })
    }

    pub fn zone(&self, id: &str) -> Option<&str> {
        self.zones
            .iter()
            .find(|z| z.id.to_string() == id)
            .map(|z| z.name.as_str())
    }

    pub fn commune(&self, code: &str) -> Option<&str> {
        self.communes.get(code).map(String::as_str)
    }

    pub fn group(&self, key: &str, lang: Lang) -> Option<&str> {
        self.groups.get(key).map(|t| t.get(lang))
    }

    pub fn level(&self, code: &str, lang: Lang) -> Option<&str> {
        self.levels.get(code).map(|t| t.get(lang))
    }
}

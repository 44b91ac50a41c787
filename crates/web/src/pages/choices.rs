//! The reference data a worker's forms offer in their lists: communes, occupations by group,
//! training levels, ethnic groups and zones, named in the page's language where the data has
//! both.

use labour_app::Error;

use crate::lang::Lang;

/// One entry of a list: the value sent and the words shown.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Occupations under their group's name (an `<optgroup>`).
#[derive(Debug, Clone)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub communes: Vec<Choice>,
    pub occupations: Vec<Group>,
    pub levels: Vec<Choice>,
    pub ethnic_groups: Vec<Choice>,
    pub zones: Vec<Choice>,
}

impl Choices {
    pub async fn load(app: &labour_app::App, lang: Lang) -> Result<Choices, Error> {
        let en = lang == Lang::En;
        let mut conn = app.conn().await?;
        let communes = labour_store::communes::all(&mut conn).await?;
        let groups = labour_store::occupations::groups(&mut conn).await?;
        let occupations = labour_store::occupations::all(&mut conn).await?;
        let levels = labour_store::training_levels::list(&mut conn).await?;
        let ethnic = labour_store::ethnic_groups::list(&mut conn).await?;
        let zones = labour_store::zones::all(&mut conn).await?;
        Ok(Choices {
            communes: communes
                .into_iter()
                .map(|c| Choice {
                    value: c.code,
                    label: c.name,
                })
                .collect(),
            occupations: groups
                .into_iter()
                .map(|g| Group {
                    key: g.key.clone(),
                    label: if en { g.name_en } else { g.name_vi },
                    choices: occupations
                        .iter()
                        .filter(|o| o.group_key == g.key)
                        .map(|o| Choice {
                            value: o.code.clone(),
                            label: if en {
                                o.title_en.clone()
                            } else {
                                o.name_vi.clone()
                            },
                        })
                        .collect(),
                })
                .collect(),
            levels: levels
                .into_iter()
                .map(|l| Choice {
                    value: l.code,
                    label: if en { l.name_en } else { l.name_vi },
                })
                .collect(),
            ethnic_groups: ethnic
                .into_iter()
                .map(|e| Choice {
                    value: e.key,
                    label: e.name_vi,
                })
                .collect(),
            zones: zones
                .into_iter()
                .map(|z| Choice {
                    value: z.id.to_string(),
                    label: z.name,
                })
                .collect(),
        })
    }

    /// The words for a commune's code, or the code itself.
    pub fn commune(&self, code: &str) -> String {
        label(&self.communes, code)
    }

    pub fn occupation(&self, code: &str) -> String {
        self.occupations
            .iter()
            .flat_map(|g| &g.choices)
            .find(|c| c.value == code)
            .map_or_else(|| code.to_owned(), |c| c.label.clone())
    }

    pub fn group(&self, key: &str) -> String {
        self.occupations
            .iter()
            .find(|g| g.key == key)
            .map_or_else(|| key.to_owned(), |g| g.label.clone())
    }

    pub fn level(&self, code: &str) -> String {
        label(&self.levels, code)
    }

    pub fn zone(&self, id: &str) -> String {
        label(&self.zones, id)
    }
}

fn label(list: &[Choice], value: &str) -> String {
    list.iter()
        .find(|c| c.value == value)
        .map_or_else(|| value.to_owned(), |c| c.label.clone())
}

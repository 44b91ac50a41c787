//! What each results page searches and lets a person narrow by: the kinds, the filter groups
//! (each counted by one facet of the engine), the sorts; and the names their values are shown
//! by, in the page's language.

use labour_app::search::Labels;
use labour_domain::posting::Kind;
use labour_search::Attribute;

use crate::i18n::t;
use crate::lang::Lang;

/// A group of checkboxes: one query parameter, counted by one engine attribute.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub param: &'static str,
    pub attribute: Attribute,
}

pub const OCCUPATION_GROUP: Group = Group {
    param: "occupation_group",
    attribute: Attribute::OccupationGroup,
};
pub const ZONE: Group = Group {
    param: "zone",
    attribute: Attribute::ZoneId,
};
pub const COMMUNE: Group = Group {
    param: "commune",
    attribute: Attribute::CommuneCode,
};
pub const LEVEL: Group = Group {
    param: "level",
    attribute: Attribute::Level,
};
pub const SHIFT: Group = Group {
    param: "shift",
    attribute: Attribute::Shifts,
};
pub const MODE: Group = Group {
    param: "mode",
    attribute: Attribute::Mode,
};
pub const LEARNER_SUPPORT: Group = Group {
    param: "learner_support",
    attribute: Attribute::LearnerSupport,
};

/// Every group any page has.
pub const GROUPS: [Group; 7] = [
    OCCUPATION_GROUP,
    ZONE,
    COMMUNE,
    LEVEL,
    SHIFT,
    MODE,
    LEARNER_SUPPORT,
];

/// The four results pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    All,
    Jobs,
    Courses,
    TrainingNeeds,
}

impl Area {
    pub const EVERY: [Area; 4] = [Area::All, Area::Jobs, Area::Courses, Area::TrainingNeeds];

    /// The kind a saved search of this page watches.
    pub fn saved_kind(self) -> &'static str {
        match self {
            Area::All => "all",
            Area::Jobs => "job",
            Area::Courses => "course",
            Area::TrainingNeeds => "training_need",
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Area::All => "/search",
            Area::Jobs => "/search/jobs",
            Area::Courses => "/search/courses",
            Area::TrainingNeeds => "/training-needs",
        }
    }

    pub fn kinds(self) -> Vec<Kind> {
        match self {
            Area::All => vec![Kind::Job, Kind::Course, Kind::TrainingNeed],
            Area::Jobs => vec![Kind::Job],
            Area::Courses => vec![Kind::Course],
            Area::TrainingNeeds => vec![Kind::TrainingNeed],
        }
    }

    /// The page's name (its heading, and the tab that leads to it).
    pub fn name(self, lang: Lang) -> String {
        match self {
            Area::All => t(lang, "search.area_all"),
            Area::Jobs => t(lang, "search.area_jobs"),
            Area::Courses => t(lang, "search.area_courses"),
            Area::TrainingNeeds => t(lang, "search.area_training_needs"),
        }
        .into_owned()
    }

    /// The filter groups, in the order shown.
    pub fn groups(self) -> &'static [Group] {
        match self {
            Area::All => &[OCCUPATION_GROUP, ZONE, COMMUNE, LEVEL],
            Area::Jobs => &[OCCUPATION_GROUP, ZONE, COMMUNE, LEVEL, SHIFT],
            Area::Courses => &[OCCUPATION_GROUP, COMMUNE, LEVEL, MODE, LEARNER_SUPPORT],
            Area::TrainingNeeds => &[OCCUPATION_GROUP, ZONE, COMMUNE, LEVEL],
        }
    }

    /// Whether the page filters by pay (only jobs have it).
    pub fn has_salary(self) -> bool {
        self == Area::Jobs
    }

    pub fn sorts(self) -> &'static [&'static str] {
        match self {
            Area::All => &["relevance", "newest", "deadline"],
            Area::Jobs => &["relevance", "newest", "salary", "deadline"],
            Area::Courses | Area::TrainingNeeds => {
                &["relevance", "newest", "start_date", "deadline"]
            }
        }
    }

    /// The facets the page counts: its groups, and the kinds on the page of all kinds.
    pub fn facets(self) -> String {
        let mut names: Vec<&str> = self.groups().iter().map(|g| g.attribute.name()).collect();
        if self == Area::All {
            names.push(Attribute::Kind.name());
        }
        names.join(",")
    }
}

pub fn legend(group: Group, lang: Lang) -> String {
    match group.param {
        "occupation_group" => t(lang, "search.filter_occupation_group"),
        "zone" => t(lang, "search.filter_zone"),
        "commune" => t(lang, "search.filter_commune"),
        "level" => t(lang, "search.filter_level"),
        "shift" => t(lang, "search.filter_shift"),
        "mode" => t(lang, "search.filter_mode"),
        _ => t(lang, "search.filter_learner_support"),
    }
    .into_owned()
}

pub fn sort_name(sort: &str, lang: Lang) -> String {
    match sort {
        "newest" => t(lang, "search.sort_newest"),
        "salary" => t(lang, "search.sort_salary"),
        "deadline" => t(lang, "search.sort_deadline"),
        "start_date" => t(lang, "search.sort_start_date"),
        _ => t(lang, "search.sort_relevance"),
    }
    .into_owned()
}

/// The name a filter value is shown by; the value itself when nothing names it.
pub fn value_name(param: &str, value: &str, labels: &Labels, lang: Lang) -> String {
    let named = match param {
        "zone" => labels.zone(value).map(str::to_owned),
        "commune" => labels.commune(value).map(str::to_owned),
        "occupation_group" => labels.group(value, lang).map(str::to_owned),
        "level" => labels.level(value, lang).map(str::to_owned),
        "shift" => shift(value, lang),
        "mode" => mode(value, lang),
        "learner_support" => learner_support(value, lang),
        "salary_min" => value
            .parse::<u64>()
            .ok()
            .map(|vnd| super::format::at_least(vnd, lang)),
        _ => None,
    };
    named.unwrap_or_else(|| value.to_owned())
}

pub fn shift(value: &str, lang: Lang) -> Option<String> {
    let key = match value {
        "day" => "search.shift_day",
        "night" => "search.shift_night",
        "rotating" => "search.shift_rotating",
        "part_time" => "search.shift_part_time",
        _ => return None,
    };
    Some(t(lang, key).into_owned())
}

fn mode(value: &str, lang: Lang) -> Option<String> {
    let text = match value {
        "at_school" => t(lang, "search.mode_at_school"),
        "at_enterprise" => t(lang, "search.mode_at_enterprise"),
        "online" => t(lang, "search.mode_online"),
        "blended" => t(lang, "search.mode_blended"),
        _ => return None,
    };
    Some(text.into_owned())
}

fn learner_support(value: &str, lang: Lang) -> Option<String> {
    let text = match value {
        "free_for_ethnic_minority" => t(lang, "search.support_free_for_ethnic_minority"),
        "free_for_rural" => t(lang, "search.support_free_for_rural"),
        "tuition_support" => t(lang, "search.support_tuition_support"),
        "allowance" => t(lang, "search.support_allowance"),
        "scholarship" => t(lang, "search.support_scholarship"),
        _ => return None,
    };
    Some(text.into_owned())
}

/// The name of a posting's kind.
pub fn kind_name(kind: &str, lang: Lang) -> String {
    match kind {
        "job" => t(lang, "search.kind_job"),
        "course" => t(lang, "search.kind_course"),
        _ => t(lang, "search.kind_training_need"),
    }
    .into_owned()
}

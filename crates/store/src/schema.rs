//! The diesel view of the tables that `migrations/` creates.

diesel::table! {
    communes (code) {
        code -> Text,
        name -> Text,
        kind -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    zones (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        kind -> Text,
        commune_code -> Nullable<Text>,
        area_ha -> Nullable<Float8>,
        status -> Text,
        source -> Text,
        confidence -> Text,
        search_key -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    occupation_groups (key) {
        key -> Text,
        name_vi -> Text,
        name_en -> Text,
        industrial_group_of_plan -> Bool,
        position -> Int4,
    }
}

diesel::table! {
    occupations (code) {
        code -> Text,
        group_key -> Text,
        name_vi -> Text,
        title_en -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    vet_programmes (code) {
        code -> Text,
        name_vi -> Text,
        level -> Text,
        occupation_code -> Text,
        source -> Text,
    }
}

diesel::table! {
    training_levels (code) {
        code -> Text,
        rank -> Int4,
        name_vi -> Text,
        name_en -> Text,
        duration -> Text,
    }
}

diesel::table! {
    ethnic_groups (key) {
        key -> Text,
        name_vi -> Text,
        is_minority -> Bool,
        position -> Int4,
    }
}

diesel::table! {
    organisations (id) {
        id -> Uuid,
        kind -> Text,
        name -> Text,
        tax_code -> Nullable<Text>,
        zone_id -> Nullable<Uuid>,
        commune_code -> Nullable<Text>,
        address -> Nullable<Text>,
        verified -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(zones -> communes (commune_code));
diesel::joinable!(occupations -> occupation_groups (group_key));
diesel::joinable!(vet_programmes -> occupations (occupation_code));
diesel::joinable!(vet_programmes -> training_levels (level));
diesel::joinable!(organisations -> zones (zone_id));
diesel::joinable!(organisations -> communes (commune_code));

diesel::allow_tables_to_appear_in_same_query!(
    communes,
    zones,
    occupation_groups,
    occupations,
    vet_programmes,
    training_levels,
    ethnic_groups,
    organisations,
);

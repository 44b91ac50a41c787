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
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        licence_number -> Nullable<Text>,
        verification -> Text,
        verification_reason -> Nullable<Text>,
        verification_changed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    accounts (id) {
        id -> Uuid,
        role -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        display_name -> Text,
        password_hash -> Text,
        sessions_valid_after -> Timestamptz,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    memberships (organisation_id, account_id) {
        organisation_id -> Uuid,
        account_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    sessions (id) {
        id -> Uuid,
        account_id -> Uuid,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        revoked_reason -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Bytea,
        session_id -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        organisation_id -> Nullable<Uuid>,
        name -> Text,
        prefix -> Text,
        key_hash -> Bytea,
        scopes -> Array<Text>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        at -> Timestamptz,
        actor_account -> Nullable<Uuid>,
        actor_api_key -> Nullable<Uuid>,
        action -> Text,
        subject_type -> Nullable<Text>,
        subject_id -> Nullable<Text>,
        client_addr -> Nullable<Text>,
        details -> Jsonb,
    }
}

diesel::table! {
    postings (id) {
        id -> Uuid,
        kind -> Text,
        organisation_id -> Uuid,
        state -> Text,
        content -> Jsonb,
        revision -> Nullable<Jsonb>,
        title -> Text,
        occupation_code -> Text,
        zone_id -> Nullable<Uuid>,
        commune_code -> Nullable<Text>,
        deadline -> Nullable<Date>,
        flags -> Array<Text>,
        report_count -> Int4,
        moderation_reason -> Nullable<Text>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        submitted_at -> Nullable<Timestamptz>,
        published_at -> Nullable<Timestamptz>,
        version -> Int4,
        /// Generated from `content`: a job's headcount.
        headcount -> Nullable<Int8>,
        /// Generated from `content`: a course's seats.
        seats -> Nullable<Int8>,
        /// Generated from `content`: a job's required level, a course's or need's level.
        level -> Nullable<Text>,
        moderation_reason_code -> Nullable<Text>,
    }
}

diesel::table! {
    posting_reports (posting_id, account_id) {
        posting_id -> Uuid,
        account_id -> Uuid,
        reason -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    training_offers (id) {
        id -> Uuid,
        need_id -> Uuid,
        school_id -> Uuid,
        course_id -> Nullable<Uuid>,
        proposal -> Text,
        state -> Text,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    feed_events (id) {
        id -> Int8,
        xact_id -> Int8,
        posting_id -> Uuid,
        kind -> Text,
        change -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    idempotency_keys (actor, key) {
        actor -> Text,
        key -> Text,
        request_hash -> Bytea,
        status -> Nullable<Int4>,
        body -> Nullable<Jsonb>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    search_outbox (id) {
        id -> Int8,
        posting_id -> Uuid,
        enqueued_at -> Timestamptz,
        claimed_until -> Nullable<Timestamptz>,
        claim_token -> Nullable<Uuid>,
    }
}

diesel::table! {
    worker_profiles (account_id) {
        account_id -> Uuid,
        profile -> Jsonb,
        discoverable -> Bool,
        version -> Int4,
        updated_at -> Timestamptz,
        /// Generated from `profile`.
        training_level -> Nullable<Text>,
        /// Generated from `profile`.
        commune_code -> Nullable<Text>,
    }
}

diesel::table! {
    /// `worker_profiles.profile->'desired_occupations'` as rows, kept by a trigger.
    worker_desired_occupations (account_id, position) {
        account_id -> Uuid,
        position -> Int4,
        occupation_code -> Nullable<Text>,
    }
}

diesel::table! {
    applications (id) {
        id -> Uuid,
        posting_id -> Uuid,
        worker_id -> Uuid,
        shared -> Jsonb,
        message -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    saved_searches (id) {
        id -> Uuid,
        account_id -> Uuid,
        name -> Text,
        kind -> Text,
        query -> Jsonb,
        email -> Bool,
        checked_until -> Timestamptz,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    notifications (id) {
        id -> Uuid,
        account_id -> Uuid,
        saved_search_id -> Nullable<Uuid>,
        posting_id -> Uuid,
        title -> Text,
        created_at -> Timestamptz,
        read_at -> Nullable<Timestamptz>,
        emailed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_digests (account_id) {
        account_id -> Uuid,
        last_sent_at -> Nullable<Timestamptz>,
        claimed_until -> Nullable<Timestamptz>,
        claim_token -> Nullable<Uuid>,
    }
}

diesel::table! {
    declaration_years (year) {
        year -> Int4,
        opened_at -> Timestamptz,
        closed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    declarations (organisation_id, year) {
        organisation_id -> Uuid,
        year -> Int4,
        content -> Jsonb,
        total_workers -> Int4,
        version -> Int4,
        updated_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// `declarations.content->'workforce'` as rows, kept by a trigger.
    declaration_workforce (year, organisation_id, position) {
        organisation_id -> Uuid,
        year -> Int4,
        position -> Int4,
        occupation_group -> Nullable<Text>,
        level -> Nullable<Text>,
        workers -> Int8,
        ethnic_minority -> Int8,
        with_it_skills -> Int8,
    }
}

diesel::table! {
    /// `declarations.content->'planned_recruitment'` as rows, kept by a trigger.
    declaration_recruitment (year, organisation_id, position) {
        organisation_id -> Uuid,
        year -> Int4,
        position -> Int4,
        occupation_code -> Nullable<Text>,
        level -> Nullable<Text>,
        headcount -> Int8,
    }
}

diesel::table! {
    declaration_reminders (organisation_id, year, reminded_at) {
        organisation_id -> Uuid,
        year -> Int4,
        reminded_at -> Timestamptz,
        reminded_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    kpi_values (indicator, year) {
        indicator -> Text,
        year -> Int4,
        value -> Float8,
        source -> Text,
        entered_by -> Nullable<Uuid>,
        entered_at -> Timestamptz,
    }
}

diesel::table! {
    search_demand (day, query, kinds) {
        day -> Date,
        query -> Text,
        kinds -> Text,
        searches -> Int8,
        zero_results -> Int8,
    }
}

diesel::table! {
    password_resets (id) {
        id -> Uuid,
        account_id -> Uuid,
        channel -> Text,
        secret_hash -> Bytea,
        issued_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        failed_attempts -> Int4,
    }
}

diesel::joinable!(zones -> communes (commune_code));
diesel::joinable!(occupations -> occupation_groups (group_key));
diesel::joinable!(vet_programmes -> occupations (occupation_code));
diesel::joinable!(vet_programmes -> training_levels (level));
diesel::joinable!(organisations -> zones (zone_id));
diesel::joinable!(organisations -> communes (commune_code));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(memberships -> accounts (account_id));
diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(worker_profiles -> accounts (account_id));
diesel::joinable!(worker_desired_occupations -> worker_profiles (account_id));
diesel::joinable!(email_digests -> accounts (account_id));
diesel::joinable!(declarations -> organisations (organisation_id));
diesel::joinable!(declarations -> declaration_years (year));
diesel::joinable!(applications -> postings (posting_id));
diesel::joinable!(notifications -> saved_searches (saved_search_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(api_keys -> organisations (organisation_id));
diesel::joinable!(postings -> organisations (organisation_id));
diesel::joinable!(posting_reports -> postings (posting_id));

diesel::allow_tables_to_appear_in_same_query!(
    communes,
    zones,
    occupation_groups,
    occupations,
    vet_programmes,
    training_levels,
    ethnic_groups,
    organisations,
    accounts,
    memberships,
    sessions,
    refresh_tokens,
    api_keys,
    audit_log,
    postings,
    posting_reports,
    training_offers,
    feed_events,
    idempotency_keys,
    search_outbox,
    worker_profiles,
    worker_desired_occupations,
    applications,
    saved_searches,
    notifications,
    email_digests,
    declaration_years,
    declarations,
    declaration_workforce,
    declaration_recruitment,
    declaration_reminders,
    kpi_values,
    search_demand,
    password_resets,
);

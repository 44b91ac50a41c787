-- Reference data (loaded from data/reference by the binary) and organisations.

CREATE TABLE communes (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('ward', 'commune')),
    search_key  text NOT NULL
);

CREATE TABLE zones (
    id            uuid PRIMARY KEY,
    slug          text NOT NULL UNIQUE,
    name          text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('industrial_park', 'industrial_cluster', 'economic_zone')),
    commune_code  text REFERENCES communes (code),
    area_ha       double precision CHECK (area_ha IS NULL OR area_ha > 0),
    status        text NOT NULL CHECK (status IN ('operating', 'planned', 'unknown')),
    source        text NOT NULL,
    confidence    text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    search_key    text NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_commune_code_idx ON zones (commune_code);

CREATE TABLE occupation_groups (
    key                       text PRIMARY KEY,
    name_vi                   text NOT NULL,
    name_en                   text NOT NULL,
    industrial_group_of_plan  boolean NOT NULL,
    position                  integer NOT NULL UNIQUE
);

CREATE TABLE occupations (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
    group_key   text NOT NULL REFERENCES occupation_groups (key),
    name_vi     text NOT NULL,
    title_en    text NOT NULL,
    search_key  text NOT NULL
);
CREATE INDEX occupations_group_key_idx ON occupations (group_key);

-- National vocational training programme codes (Thông tư 26/2020/TT-BLĐTBXH), where known.
CREATE TABLE vet_programmes (
    code             text PRIMARY KEY CHECK (code ~ '^[0-9]{7}$'),
    name_vi          text NOT NULL,
    level            text NOT NULL,
    occupation_code  text NOT NULL REFERENCES occupations (code),
    source           text NOT NULL
);
CREATE INDEX vet_programmes_occupation_code_idx ON vet_programmes (occupation_code);

CREATE TABLE training_levels (
    code     text PRIMARY KEY,
    rank     integer NOT NULL UNIQUE,
    name_vi  text NOT NULL,
    name_en  text NOT NULL,
    duration text NOT NULL
);
ALTER TABLE vet_programmes ADD FOREIGN KEY (level) REFERENCES training_levels (code);

CREATE TABLE ethnic_groups (
    key          text PRIMARY KEY,
    name_vi      text NOT NULL UNIQUE,
    is_minority  boolean NOT NULL,
    position     integer NOT NULL UNIQUE
);

CREATE TABLE organisations (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('enterprise', 'school', 'agency')),
    name          text NOT NULL CHECK (length(btrim(name)) > 0),
    tax_code      text UNIQUE CHECK (tax_code IS NULL OR tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    zone_id       uuid REFERENCES zones (id),
    commune_code  text REFERENCES communes (code),
    address       text,
    verified      boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organisations_enterprise_has_tax_code CHECK (kind <> 'enterprise' OR tax_code IS NOT NULL)
);
CREATE INDEX organisations_zone_id_idx ON organisations (zone_id);
CREATE INDEX organisations_commune_code_idx ON organisations (commune_code);

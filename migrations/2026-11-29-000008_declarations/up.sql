-- Yearly labour declarations of enterprises: staff open a collection year, enterprises declare
-- (and correct until the year is closed), staff remind those who have not.
CREATE TABLE declaration_years (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2020 AND 2035),
    opened_at   timestamptz NOT NULL DEFAULT now(),
    closed_at   timestamptz
);

CREATE TABLE declarations (
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    year             integer NOT NULL REFERENCES declaration_years (year),
    -- Checked by the domain before storing.
    content          jsonb NOT NULL,
    total_workers    integer NOT NULL CHECK (total_workers >= 0),
    version          integer NOT NULL DEFAULT 1,
    updated_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, year)
);

CREATE TABLE declaration_reminders (
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    year             integer NOT NULL REFERENCES declaration_years (year),
    reminded_at      timestamptz NOT NULL DEFAULT now(),
    reminded_by      uuid,
    PRIMARY KEY (organisation_id, year, reminded_at)
);

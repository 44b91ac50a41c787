-- Yearly values of the plan's indicators entered by staff, each with its cited source.
CREATE TABLE kpi_values (
    indicator   text NOT NULL,
    year        integer NOT NULL CHECK (year BETWEEN 2015 AND 2035),
    value       double precision NOT NULL CHECK (value >= 0),
    source      text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
    entered_by  uuid,
    entered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator, year)
);

-- What people search for, per day: the folded words only, no account, no address. Counted in
-- memory and added here every minute.
CREATE TABLE search_demand (
    day           date NOT NULL,
    query         text NOT NULL,
    kinds         text NOT NULL,
    searches      bigint NOT NULL,
    zero_results  bigint NOT NULL,
    PRIMARY KEY (day, query, kinds)
);

-- The portfolio keeps each promise to pay with the day it was made and the day it was kept or broken, so the share
-- of promises kept can be counted by month. Every version of the portfolio gains the table (a rebuild copies the
-- active one's); promises are recorded from the same release on, so no row is missing.
DO $$
DECLARE
    versioned RECORD;
BEGIN
    FOR versioned IN
        SELECT substring(tablename FROM '[0-9]+$') AS version FROM pg_tables
        WHERE schemaname = current_schema() AND tablename ~ '^portfolio_debt_[0-9]+$'
    LOOP
        EXECUTE format('CREATE TABLE %I (debt_id VARCHAR(255) NOT NULL, promise_number INTEGER NOT NULL,'
                       ' made_on DATE NOT NULL, amount_minor BIGINT NOT NULL, arrived_minor BIGINT NOT NULL,'
                       ' kept_on DATE, broken_on DATE, PRIMARY KEY (debt_id, promise_number))',
                       'portfolio_promise_' || versioned.version);
    END LOOP;
    EXECUTE format('CREATE VIEW portfolio_promise_active AS SELECT * FROM %I',
                   'portfolio_promise_' || (SELECT active FROM projection_version WHERE projection = 'portfolio'));
END $$;

-- The portfolio: each debt's placed principal, what was collected of it month by month since its registration, and
-- its plans with the days they were agreed, completed or broken; a model of its own, built from the first event.
INSERT INTO projection_version (projection, active) VALUES ('portfolio', 1);

CREATE TABLE portfolio_debt_1 (
    debt_id         VARCHAR(255) PRIMARY KEY,
    creditor_id     VARCHAR(255) NOT NULL,
    currency        CHAR(3)      NOT NULL,
    registered_on   DATE         NOT NULL,
    principal_minor BIGINT       NOT NULL,
    sequence_number BIGINT       NOT NULL
);
CREATE INDEX portfolio_debt_1_registered ON portfolio_debt_1 (registered_on);

-- Payments less reversals in the month_index-th calendar month after the month of registration (0: that month).
CREATE TABLE portfolio_collection_1 (
    debt_id         VARCHAR(255) NOT NULL,
    month_index     INTEGER      NOT NULL,
    collected_minor BIGINT       NOT NULL,
    PRIMARY KEY (debt_id, month_index)
);

CREATE TABLE portfolio_plan_1 (
    debt_id          VARCHAR(255) NOT NULL,
    plan_number      INTEGER      NOT NULL,
    agreed_on        DATE         NOT NULL,
    instalment_minor BIGINT       NOT NULL,
    paid_minor       BIGINT       NOT NULL,
    completed_on     DATE,
    broken_on        DATE,
    PRIMARY KEY (debt_id, plan_number)
);

CREATE VIEW portfolio_debt_active AS SELECT * FROM portfolio_debt_1;
CREATE VIEW portfolio_collection_active AS SELECT * FROM portfolio_collection_1;
CREATE VIEW portfolio_plan_active AS SELECT * FROM portfolio_plan_1;

-- The advisor queue keeps each change of a work item with its business date, so the queue's size on any past day
-- can be counted. Added to the queue's active version (and one a rebuild is filling); a rebuild fills it for the
-- events before this migration.
DO $$
DECLARE
    version INTEGER;
BEGIN
    FOR version IN
        SELECT active FROM projection_version WHERE projection = 'advisor-queue'
        UNION SELECT building FROM projection_version WHERE projection = 'advisor-queue' AND building IS NOT NULL
    LOOP
        IF to_regclass('work_item_' || version) IS NOT NULL THEN
            EXECUTE format('CREATE TABLE %I (item_id VARCHAR(300) NOT NULL, position BIGINT NOT NULL,'
                           ' debt_id VARCHAR(255) NOT NULL, type VARCHAR(40) NOT NULL, open BOOLEAN NOT NULL,'
                           ' visible_from DATE NOT NULL, business_date DATE NOT NULL,'
                           ' PRIMARY KEY (item_id, position))', 'work_item_change_' || version);
            EXECUTE format('CREATE INDEX %I ON %I (debt_id)', 'work_item_change_' || version || '_debt',
                           'work_item_change_' || version);
        END IF;
    END LOOP;
    EXECUTE format('CREATE VIEW work_item_change_active AS SELECT * FROM %I',
                   'work_item_change_' || (SELECT active FROM projection_version WHERE projection = 'advisor-queue'));
END $$;

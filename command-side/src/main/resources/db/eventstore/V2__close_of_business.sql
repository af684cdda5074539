-- One row per business date that close of business has run for. A run that dies keeps status RUNNING and
-- its cursor (the position of the last debt done), so the next run for that date carries on from there.
CREATE TABLE close_of_business_run (
    business_date    DATE        PRIMARY KEY,
    status           VARCHAR(20) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    cursor_position  BIGINT      NOT NULL DEFAULT 0,
    debts_processed  INTEGER     NOT NULL DEFAULT 0,
    debts_failed     INTEGER     NOT NULL DEFAULT 0,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);

-- Debts whose day could not be closed, and the rule that stopped it, for an operator to act on.
CREATE TABLE close_of_business_failure (
    business_date DATE         NOT NULL REFERENCES close_of_business_run (business_date),
    debt_id       VARCHAR(255) NOT NULL,
    rule          VARCHAR(100) NOT NULL,
    detail        TEXT         NOT NULL,
    PRIMARY KEY (business_date, debt_id)
);

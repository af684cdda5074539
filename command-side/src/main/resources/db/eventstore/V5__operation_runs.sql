-- Every run of close of business and of a bank file, scheduled or asked for, answered at once or in the background:
-- what it was for, who started it, how far it has come and, once finished, its report. The process carrying a run
-- out records its progress about every second; a run with none for two minutes was cut off with its process and is
-- marked FAILED by the next process that looks.
CREATE TABLE operation_run (
    run_id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             VARCHAR(20)  NOT NULL CHECK (kind IN ('CLOSE_OF_BUSINESS', 'BANK_FILE')),
    business_date    DATE,
    file_name        TEXT,
    file_bytes       BIGINT,
    started_by       VARCHAR(255) NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    progress_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    status           VARCHAR(20)  NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    -- debts (close of business) or payment lines (a bank file): how many in all, done so far, and failed or refused
    total            INTEGER,
    done             INTEGER      NOT NULL DEFAULT 0,
    failed           INTEGER      NOT NULL DEFAULT 0,
    -- a bank file's lines applied now, and applied before (the same archive id recorded earlier)
    applied          INTEGER,
    already_applied  INTEGER,
    failures_by_rule JSONB        NOT NULL DEFAULT '{}',
    -- why a FAILED run stopped
    failure          TEXT,
    -- the answer a synchronous request gives, once the run has COMPLETED
    report           JSONB,
    CONSTRAINT operation_run_subject CHECK ((kind = 'CLOSE_OF_BUSINESS') = (business_date IS NOT NULL))
);
CREATE INDEX operation_run_newest ON operation_run (kind, run_id DESC);
CREATE INDEX operation_run_running ON operation_run (progress_at) WHERE status = 'RUNNING';

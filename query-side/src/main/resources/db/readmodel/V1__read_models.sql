-- Read models, in their own schema, written only by the query side's projections.
-- Each projection's tables carry a version suffix: a rebuild fills the next version while queries keep
-- reading the active one, then projection_version switches them in one transaction.

CREATE TABLE projection_version (
    projection VARCHAR(50) PRIMARY KEY,
    active     INTEGER     NOT NULL,
    building   INTEGER
);
INSERT INTO projection_version (projection, active) VALUES ('debts', 1), ('advisor-queue', 1);

CREATE TABLE projection_rebuild (
    projection     VARCHAR(50) NOT NULL,
    version        INTEGER     NOT NULL,
    status         VARCHAR(20) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    head           BIGINT      NOT NULL,
    PRIMARY KEY (projection, version)
);

-- The debt view: one document per debt, folded from its events, with the columns queries filter on.
CREATE TABLE debt_view_1 (
    debt_id         VARCHAR(255) PRIMARY KEY,
    debtor_id       VARCHAR(255) NOT NULL,
    creditor_id     VARCHAR(255) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    position        BIGINT       NOT NULL,
    view            JSONB        NOT NULL
);
CREATE INDEX debt_view_1_debtor ON debt_view_1 (debtor_id);

-- The audit timeline: every event of a debt, who caused it and how, and the balance after it.
CREATE TABLE audit_entry_1 (
    debt_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    position        BIGINT       NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    business_date   DATE         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor_id        VARCHAR(255),
    actor_role      VARCHAR(100),
    channel         VARCHAR(50),
    reason          TEXT,
    correlation_id  VARCHAR(255),
    details         JSONB        NOT NULL,
    balance_after   JSONB        NOT NULL,
    PRIMARY KEY (debt_id, sequence_number)
);

-- The advisor queue: work raised by events, closed when its cause is resolved.
CREATE TABLE work_item_1 (
    item_id          VARCHAR(300) PRIMARY KEY,
    debt_id          VARCHAR(255) NOT NULL,
    creditor_id      VARCHAR(255) NOT NULL,
    advisor_id       VARCHAR(255),
    type             VARCHAR(40)  NOT NULL,
    priority         INTEGER      NOT NULL,
    due_date         DATE         NOT NULL,
    visible_from     DATE         NOT NULL,
    reason           TEXT         NOT NULL,
    open             BOOLEAN      NOT NULL,
    remaining_minor  BIGINT,
    raised_position  BIGINT       NOT NULL,
    changed_position BIGINT       NOT NULL
);
CREATE INDEX work_item_1_open ON work_item_1 (priority, due_date) WHERE open;
CREATE INDEX work_item_1_debt ON work_item_1 (debt_id);
CREATE INDEX work_item_1_changed ON work_item_1 (changed_position);

-- Which debt each queue item's events last touched, so a replayed event changes nothing twice.
CREATE TABLE work_debt_1 (
    debt_id         VARCHAR(255) PRIMARY KEY,
    creditor_id     VARCHAR(255) NOT NULL,
    advisor_id      VARCHAR(255),
    sequence_number BIGINT       NOT NULL
);

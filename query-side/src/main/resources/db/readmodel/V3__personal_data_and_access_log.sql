-- What is kept about people apart from the immutable events, and who looked at it. Not read models: a
-- projection rebuild leaves this schema alone.
CREATE SCHEMA IF NOT EXISTS ledger_private;

-- One key per debtor. Erasure deletes the key: the debtor's personal data, here or in any backup of it,
-- can no longer be read.
CREATE TABLE ledger_private.debtor_key (
    debtor_id  TEXT PRIMARY KEY,
    aes_key    BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The debtor's personal data, AES-256-GCM under the debtor's key (the debtor id is the associated data).
CREATE TABLE ledger_private.debtor_personal_data (
    debtor_id  TEXT PRIMARY KEY,
    nonce      BYTEA NOT NULL,
    ciphertext BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE ledger_private.erasure (
    debtor_id TEXT PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL,
    erased_by TEXT NOT NULL,
    reason    TEXT NOT NULL
);

-- Every read of a debtor's data: who, when, which debtor (and debt), through which endpoint, channel and why.
CREATE TABLE ledger_private.access_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at    TIMESTAMPTZ NOT NULL,
    actor_id       TEXT NOT NULL,
    actor_roles    TEXT NOT NULL,
    debtor_id      TEXT,
    debt_id        TEXT,
    resource       TEXT NOT NULL,
    channel        TEXT,
    reason         TEXT,
    correlation_id TEXT
);
CREATE INDEX access_log_by_debtor ON ledger_private.access_log (debtor_id, accessed_at);
CREATE INDEX access_log_by_actor ON ledger_private.access_log (actor_id, accessed_at);

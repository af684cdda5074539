-- The codes printed beside a debtor's reference on a collection letter, by which the person signs in to
-- self-service. Only a slow, salted hash of each is kept; issuing a new code for a debtor retires the ones before.
CREATE TABLE ledger_private.debtor_access_code (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    debtor_id  TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    issued_by  TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    retired_at TIMESTAMPTZ
);
CREATE INDEX debtor_access_code_current ON ledger_private.debtor_access_code (debtor_id) WHERE retired_at IS NULL;

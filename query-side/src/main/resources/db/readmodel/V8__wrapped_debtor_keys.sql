-- Each debtor's key is kept wrapped under a key-encryption key (KEK) that is never in this database: reading the
-- database alone no longer reads the personal data. kek_id names the KEK that wrapped a key, so the KEK can be
-- rotated. Keys stored unwrapped before this script keep aes_key until the ledger's next start wraps them (SQL
-- cannot: it does not know the KEK); from then on aes_key stays empty.
ALTER TABLE ledger_private.debtor_key
    ADD COLUMN wrapped_key BYTEA,
    ADD COLUMN kek_id      TEXT,
    ALTER COLUMN aes_key DROP NOT NULL,
    ADD CONSTRAINT debtor_key_wrapped_with_its_kek CHECK ((wrapped_key IS NULL) = (kek_id IS NULL)),
    ADD CONSTRAINT debtor_key_wrapped_or_from_before CHECK ((wrapped_key IS NULL) <> (aes_key IS NULL));

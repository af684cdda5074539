-- A blind index of debtors' names: keyed hashes of the normalised full name and of each of its words, under a key
-- derived from the key-encryption key, which is never in this database. No name is kept here in clear.
CREATE TABLE ledger_private.debtor_name_hash (
    hash      BYTEA NOT NULL,
    debtor_id TEXT  NOT NULL,
    PRIMARY KEY (hash, debtor_id)
);
CREATE INDEX debtor_name_hash_by_debtor ON ledger_private.debtor_name_hash (debtor_id);

-- Whether a debtor's name is in that index; data stored before this script is indexed at the ledger's next start
-- (SQL cannot: it does not know the key).
ALTER TABLE ledger_private.debtor_personal_data ADD COLUMN name_indexed BOOLEAN NOT NULL DEFAULT false;

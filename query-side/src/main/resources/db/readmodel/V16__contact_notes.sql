-- What was said in a contact with a debtor: personal data, so never in the contact's event. Each note is kept under
-- its contact's id on the debt, AES-256-GCM under the debtor's own key (the debtor, debt and contact ids are the
-- associated data). Erasure destroys that key and deletes the debtor's notes.
CREATE TABLE ledger_private.contact_note (
    debt_id    TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    debtor_id  TEXT NOT NULL,
    nonce      BYTEA NOT NULL,
    ciphertext BYTEA NOT NULL,
    written_at TIMESTAMPTZ NOT NULL,
    written_by TEXT NOT NULL,
    PRIMARY KEY (debt_id, contact_id)
);
CREATE INDEX contact_note_by_debtor ON ledger_private.contact_note (debtor_id);

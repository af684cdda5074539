-- A debtor may be contacted only so often, counted over all their debts: an outbound contact looks up the debtor's
-- earlier contacts through this index on the debtor reference in the JSON of ContactRecorded events. That event's JSON
-- is pinned by an approval test; a new revision that moves the debtor reference must change this function too.
CREATE FUNCTION contact_debtor_id(payload BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN convert_from(payload, 'UTF8')::jsonb ->> 'debtorId';

CREATE INDEX domainevententry_contact_debtor_id ON domainevententry (contact_debtor_id(payload))
    WHERE payloadtype = 'org.debtledger.contact.ContactRecorded';

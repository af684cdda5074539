-- A debt keeps no record of each payment it received (its snapshot would grow with them): a repeated payment id
-- or a reversal looks the payment up among the debt's own events, through this index on the payment id in the
-- JSON of its PaymentReceived and PaymentReversed events. Those events' JSON is pinned by approval tests; a new
-- revision that moves the payment id must change this function too.
-- convert_from is only STABLE (it depends on the database's encoding, which never changes once it is created).
CREATE FUNCTION payment_id(payload BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN convert_from(payload, 'UTF8')::jsonb ->> 'paymentId';

CREATE INDEX domainevententry_payment_id ON domainevententry (aggregateidentifier, payment_id(payload))
    WHERE payloadtype IN ('org.debtledger.payment.PaymentReceived', 'org.debtledger.payment.PaymentReversed');

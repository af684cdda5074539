-- A debt keeps the payments it received in its own state, so nothing looks a payment up among the events any more:
-- the index V3 made for that lookup goes, and with it the work of keeping it on every insert.
DROP INDEX domainevententry_payment_id;
DROP FUNCTION payment_id(BYTEA);

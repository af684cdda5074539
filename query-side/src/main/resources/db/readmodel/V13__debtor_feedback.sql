-- What debtors answered after an action in self-service: a rating from 1 to 5 and an optional comment. Kept with
-- no debtor reference, so that team leads read how self-service serves people, not who said what.
CREATE TABLE ledger_private.debtor_feedback (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    given_on DATE NOT NULL,
    about    TEXT NOT NULL,
    rating   SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment  TEXT
);
CREATE INDEX debtor_feedback_by_day ON ledger_private.debtor_feedback (given_on);

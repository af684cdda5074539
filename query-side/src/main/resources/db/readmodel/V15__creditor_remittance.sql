-- Each creditor's remittance: every payment received on its debts, every reversal and every refund, a line each,
-- keyed on the event's position; the contract that splits a line between the agency and the creditor is applied
-- when it is read. A model of its own, built from the first event.
INSERT INTO projection_version (projection, active) VALUES ('remittance', 1);

CREATE TABLE remittance_debt_1 (
    debt_id         VARCHAR(255) PRIMARY KEY,
    creditor_id     VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL
);

-- Amounts in minor units of the currency, signed: a reversal's are negative, a refund's amount and credit too.
CREATE TABLE remittance_entry_1 (
    position        BIGINT       PRIMARY KEY,
    debt_id         VARCHAR(255) NOT NULL,
    creditor_id     VARCHAR(255) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    payment_id      VARCHAR(255),
    business_date   DATE         NOT NULL,
    contract_date   DATE         NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    fees_minor      BIGINT       NOT NULL,
    interest_minor  BIGINT       NOT NULL,
    principal_minor BIGINT       NOT NULL,
    credit_minor    BIGINT       NOT NULL
);
CREATE INDEX remittance_entry_1_creditor ON remittance_entry_1 (creditor_id, business_date, position);
CREATE INDEX remittance_entry_1_debt ON remittance_entry_1 (debt_id);

CREATE VIEW remittance_debt_active AS SELECT * FROM remittance_debt_1;
CREATE VIEW remittance_entry_active AS SELECT * FROM remittance_entry_1;

-- The reference rates of late interest (Interest Act 633/1982 s.12), one per half year, kept by an operator through
-- PUT /api/v1/reference-rates/{jurisdiction}/{periodStart}. Rows are only ever added: a change to a period is a new
-- row, the newest row of a period is the one in force, and every earlier value stays with who recorded it, when and
-- from what source. The late-interest margins (+7 consumer, +8 business) are the law's and stay in the code.
CREATE TABLE reference_rate (
    id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jurisdiction                VARCHAR(2)   NOT NULL,
    period_start                DATE         NOT NULL,
    period_end                  DATE         NOT NULL,
    reference_rate_basis_points INTEGER      NOT NULL CHECK (reference_rate_basis_points BETWEEN 0 AND 10000),
    source                      TEXT         NOT NULL CHECK (source <> ''),
    recorded_by                 VARCHAR(255) NOT NULL,
    recorded_at                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- a half year: 1 January to 30 June, or 1 July to 31 December
    CONSTRAINT reference_rate_half_year CHECK (
        extract(DAY FROM period_start) = 1 AND extract(MONTH FROM period_start) IN (1, 7)
        AND period_end = (period_start + INTERVAL '6 months' - INTERVAL '1 day')::DATE)
);
CREATE INDEX reference_rate_period ON reference_rate (jurisdiction, period_start, id);

CREATE FUNCTION reference_rate_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'reference rates are only added: a change to a period is a new row';
END
$$;
CREATE TRIGGER reference_rate_append_only
    BEFORE UPDATE OR DELETE ON reference_rate
    FOR EACH STATEMENT EXECUTE FUNCTION reference_rate_append_only();

-- The rate in force for each period: its newest row. Both sides read the rates through this view.
CREATE VIEW reference_rate_in_force AS
SELECT DISTINCT ON (jurisdiction, period_start)
       jurisdiction, period_start, period_end, reference_rate_basis_points, source, recorded_by, recorded_at
FROM reference_rate
ORDER BY jurisdiction, period_start, id DESC;

-- A rate may not change once interest was posted with it. Which days a posting rated is in its segments; this is
-- the last of them, so that the postings that may reach a period are found by an index. The InterestPosted JSON is
-- pinned by an approval test; a new revision that moves the segments must change this function too.
-- ISO dates read the same under every DateStyle, so the cast is as immutable as the index needs.
CREATE FUNCTION interest_rated_through(payload BYTEA) RETURNS DATE
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (convert_from(payload, 'UTF8')::jsonb -> 'segments' -> -1 ->> 'through')::DATE;

CREATE INDEX domainevententry_interest_rated_through ON domainevententry (interest_rated_through(payload))
    WHERE payloadtype = 'org.debtledger.interest.InterestPosted';

-- The table shipped with the ledger until now (shared-kernel/src/main/resources/policy/fi-reference-rates.csv).
INSERT INTO reference_rate (jurisdiction, period_start, period_end, reference_rate_basis_points, source, recorded_by)
VALUES
    ('FI', '2022-07-01', '2022-12-31', 0, 'ECB main refinancing rate 0.00 on 2022-06-30 rounded up to the next half point (Interest Act 633/1982 s.12)', 'shipped-table'),
    ('FI', '2023-01-01', '2023-06-30', 250, 'Bank of Finland notice 1276/2022 (finlex.fi/en/legislation/2022/1276)', 'shipped-table'),
    ('FI', '2023-07-01', '2023-12-31', 400, 'ECB main refinancing rate 4.00 on 2023-06-30 rounded up to the next half point', 'shipped-table'),
    ('FI', '2024-01-01', '2024-06-30', 450, 'Bank of Finland press release for 1.1.-30.6.2024', 'shipped-table'),
    ('FI', '2024-07-01', '2024-12-31', 450, 'Bank of Finland notice of 25 June 2024', 'shipped-table'),
    ('FI', '2025-01-01', '2025-06-30', 350, 'Bank of Finland press release for 1.1.-30.6.2025', 'shipped-table'),
    ('FI', '2025-07-01', '2025-12-31', 250, 'ECB main refinancing rate 2.15 on 2025-06-30 rounded up to the next half point', 'shipped-table'),
    ('FI', '2026-01-01', '2026-06-30', 250, 'Bank of Finland press release for 1.1.-30.6.2026', 'shipped-table');

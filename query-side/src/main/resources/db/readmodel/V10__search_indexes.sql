-- Search looks debts up in the debt view by invoice reference and by creditor. Its active table (and one a rebuild
-- is filling) gets an index for each: the invoice reference case folded, and the creditor in the order answers are
-- paged. A rebuild makes its new version LIKE the active one INCLUDING ALL, so the new version has them too.
DO $$
DECLARE
    version INTEGER;
BEGIN
    FOR version IN
        SELECT active FROM projection_version WHERE projection = 'debts'
        UNION SELECT building FROM projection_version WHERE projection = 'debts' AND building IS NOT NULL
    LOOP
        IF to_regclass('debt_view_' || version) IS NOT NULL THEN
            EXECUTE format('CREATE INDEX %I ON %I (lower(view ->> ''invoiceReference''))',
                           'debt_view_' || version || '_invoice', 'debt_view_' || version);
            EXECUTE format('CREATE INDEX %I ON %I (creditor_id, debtor_id, debt_id)',
                           'debt_view_' || version || '_creditor', 'debt_view_' || version);
        END IF;
    END LOOP;
END $$;

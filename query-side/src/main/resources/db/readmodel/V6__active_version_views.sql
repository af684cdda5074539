-- Queries read each versioned table through a view of its active version (debt_view_active and so on), so that a
-- query is one statement whichever version is active; a rebuild's switch replaces the views in the transaction
-- that makes its version active. A migration that changes a versioned table's columns replaces its view too.
DO $$
DECLARE
    versioned RECORD;
BEGIN
    FOR versioned IN
        SELECT base, active
        FROM (VALUES ('debts', 'debt_view'), ('debts', 'audit_entry'),
                     ('advisor-queue', 'work_item'), ('advisor-queue', 'work_debt')) AS tables (projection, base)
        JOIN projection_version USING (projection)
    LOOP
        EXECUTE format('CREATE VIEW %I AS SELECT * FROM %I', versioned.base || '_active',
                       versioned.base || '_' || versioned.active);
    END LOOP;
END $$;

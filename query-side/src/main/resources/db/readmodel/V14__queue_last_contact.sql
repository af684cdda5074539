-- The last contact about a debt (its day, channel and outcome), which every work item of the debt shows. Every
-- version of work_debt gains the columns, and the view of the active one is replaced to show them. Rows written
-- before this change had no contact to show: contacts are recorded from this change on.
DO $$
DECLARE
    versioned RECORD;
BEGIN
    FOR versioned IN
        SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '^work_debt_[0-9]+$'
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN last_contact_date DATE, ADD COLUMN last_contact_channel VARCHAR(20),'
                       ' ADD COLUMN last_contact_outcome VARCHAR(30)', versioned.tablename);
    END LOOP;
    FOR versioned IN
        SELECT active FROM projection_version WHERE projection = 'advisor-queue'
    LOOP
        EXECUTE format('CREATE OR REPLACE VIEW work_debt_active AS SELECT * FROM %I', 'work_debt_' || versioned.active);
    END LOOP;
END $$;

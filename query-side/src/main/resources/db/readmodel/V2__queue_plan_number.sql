-- The plan a debt's instalment payments and reversals belong to, so queue items of an older plan are left alone.
ALTER TABLE work_debt_1 ADD COLUMN plan_number INTEGER;

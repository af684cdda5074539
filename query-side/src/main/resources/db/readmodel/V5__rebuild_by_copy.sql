-- A rebuild fills its version in one query process while the model's processor is stopped: which process, how
-- many events it has folded so far, and why it failed when it did (its version is then dropped).
ALTER TABLE projection_rebuild ADD COLUMN node TEXT;
ALTER TABLE projection_rebuild ADD COLUMN events_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE projection_rebuild ADD COLUMN failure TEXT;
ALTER TABLE projection_rebuild DROP CONSTRAINT projection_rebuild_status_check;
ALTER TABLE projection_rebuild ADD CONSTRAINT projection_rebuild_status_check
    CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'));

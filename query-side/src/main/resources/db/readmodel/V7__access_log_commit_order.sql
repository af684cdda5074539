-- The transaction that wrote each access-log entry. Concurrent readers' entries can commit out of id order (12
-- visible while 11 is not yet), so a reader paging by id alone could pass 11 and never see it. Pages follow
-- (written_by, id) instead, and show an entry only once every transaction older than its own has ended: an entry
-- that shows up later always sorts after the ones already shown. Entries written before this column existed all
-- get this migration's transaction, and keep their id order.
ALTER TABLE ledger_private.access_log ADD COLUMN written_by XID8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX access_log_in_commit_order ON ledger_private.access_log (written_by, id);

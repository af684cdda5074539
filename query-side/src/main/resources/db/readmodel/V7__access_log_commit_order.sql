-- The transaction that wrote each access-log entry. Concurrent readers' entries can commit out of id order (12
-- visible while 11 is not yet), so a reader paging by id alone could pass 11 and never see it. Pages follow
-- (written_by, id) instead, and show an entry only once every transaction older than its own has ended: an entry
-- that shows up later always sorts after the ones already shown. Entries written before this column existed get
-- 0, before every later one, and keep their id order (a constant default adds the column without rewriting the
-- table).
ALTER TABLE ledger_private.access_log ADD COLUMN written_by XID8 NOT NULL DEFAULT '0';
ALTER TABLE ledger_private.access_log ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();
CREATE INDEX access_log_in_commit_order ON ledger_private.access_log (written_by, id);

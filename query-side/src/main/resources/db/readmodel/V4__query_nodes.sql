-- The query processes alive now, each seen every few seconds, so they can share the processors' segments fairly.
CREATE TABLE query_node (
    node    TEXT PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);

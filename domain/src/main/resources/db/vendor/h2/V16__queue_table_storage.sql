-- H2 (the zero-setup default) has no fillfactor or autovacuum settings; the PostgreSQL version of this migration
-- (db/vendor/postgresql) sets them for the conversation, inbox and outbox tables.
COMMENT ON TABLE conversation IS 'each chat''s conversation: flow, step, draft, language, expiry';

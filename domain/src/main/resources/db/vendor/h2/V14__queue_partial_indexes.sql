-- H2 (the zero-setup default) has no partial indexes: its queue tables keep V1's indexes. The PostgreSQL
-- version of this migration (db/vendor/postgresql) replaces them with indexes of the waiting rows only.
COMMENT ON TABLE inbox_update IS 'received updates, stored before they are acknowledged';

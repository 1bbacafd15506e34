-- PostgreSQL only (Flyway location db/vendor/{vendor}); H2 has no such storage parameters (its V16 changes nothing).
--
-- The conversation row of a chat is rewritten by nearly every update the chat sends. Its expiry now moves by whole
-- minutes only (ConversationState.expiryAfter), so most rewrites change no indexed column and can be HOT updates:
-- the new version goes in the same page, no index gets an entry, and the dead versions are pruned when the page
-- is next read. That needs free room in the page: fillfactor 70 leaves 30 % of each new page for them.
-- Measured under load (LoadBenchmark, 2,005 chats): every update had been a non-HOT one (0 HOT of 8,641), the table
-- held four dead rows for each live one before any vacuum, and the worker's locking statement read them all.
ALTER TABLE conversation SET (fillfactor = 70);

-- The three queue tables change row by row all day: vacuum and analyze them after a fixed number of changes
-- rather than after a fifth of the table (PostgreSQL's default), so that dead rows and stale statistics do not
-- pile up between runs of autovacuum on a large installation.
ALTER TABLE conversation SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 1000,
                              autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 1000);
ALTER TABLE inbox_update SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
                              autovacuum_vacuum_insert_scale_factor = 0.0, autovacuum_vacuum_insert_threshold = 5000,
                              autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 5000);
ALTER TABLE outbound_message SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
                                  autovacuum_vacuum_insert_scale_factor = 0.0, autovacuum_vacuum_insert_threshold = 5000,
                                  autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 5000);

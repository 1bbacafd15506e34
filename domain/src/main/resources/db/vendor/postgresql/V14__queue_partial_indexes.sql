-- PostgreSQL only (Flyway location db/vendor/{vendor}; H2 has no partial indexes and keeps V1's).
--
-- The inbox and the outbox are queues: a row is looked for only while it waits (PENDING, or CLAIMED by a sender);
-- afterwards it is kept for retention alone. V1 indexed every row by status, so every change of status (an update
-- done, a message claimed, a message sent) added an entry to every index, and the waiting rows' ranges filled with
-- entries of rows that had moved on. Partial indexes hold only the waiting rows: a row that is done or sent leaves
-- them and adds nothing to them. Measured under load (LoadBenchmark): fewer index writes per update and smaller
-- scans for the worker's, the sweep's and the sender's queries.
-- Upgrading a large installation: each CREATE INDEX reads the table once while writes to it wait (the inbox and
-- outbox keep only the retention period's rows), so apply it at a quiet hour.

-- inbox: the worker's pending updates of a chat, the sweep (chats with pending updates), the backlog count
DROP INDEX ix_inbox_update_chat;
DROP INDEX ix_inbox_update_status;
CREATE INDEX ix_inbox_update_pending ON inbox_update (chat_key, id) WHERE status = 'PENDING';
-- retention deletes old rows by time: rows are appended in time order, so a BRIN index (a few pages) finds them
CREATE INDEX ix_inbox_update_received ON inbox_update USING brin (received_at);

-- outbox: ready rows oldest first (the sender's claim)
DROP INDEX ix_outbound_pending;
CREATE INDEX ix_outbound_ready ON outbound_message (not_before, id) WHERE status = 'PENDING';
-- the head-of-chat check (is an earlier row of this chat unsent?), a chat's next row, leases that ran out
DROP INDEX ix_outbound_chat;
CREATE INDEX ix_outbound_unsent ON outbound_message (chat_key, id) WHERE status IN ('PENDING', 'CLAIMED');
-- a broadcast's rows by reference and status: replies have no reference and need no entry
DROP INDEX ix_outbound_reference_status;
CREATE INDEX ix_outbound_reference_status ON outbound_message (reference, status) WHERE reference IS NOT NULL;
CREATE INDEX ix_outbound_created ON outbound_message USING brin (created_at);

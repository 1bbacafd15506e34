package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.OutboundMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based writes to the same outbox as {@link Outbox}, for one message to very many chats (a broadcast):
 * one {@code INSERT … SELECT} per rendered variant instead of a row-by-row batch, so that hundreds of
 * thousands of deliveries are stored in the deciding transaction in seconds. The rows are ordinary PENDING
 * rows: the {@link OutboxSender}s of every instance find them at their next poll (no after-commit hand-over:
 * it would lease a whole broadcast at once), lease them with {@code FOR UPDATE SKIP LOCKED} and send them
 * through the rate-limited gateway like any other row.
 *
 * <p>Withdrawn rows get the status {@value #CANCELLED}: the senders claim only PENDING rows and the
 * head-of-chat rule counts only PENDING and CLAIMED ones, so a withdrawn row is never sent and never holds
 * back a later message of its chat.
 */
@Component
public class BulkOutbox {

    public static final String CANCELLED = "CANCELLED";

    /** A chat id no real chat has: its place in the encoded payload is where each row's own id goes. */
    private static final long SENTINEL = Long.MIN_VALUE;

    private final JdbcTemplate jdbc;
    private final PayloadCodec codec = new PayloadCodec();
    private final Clock clock = Clock.systemUTC();

    BulkOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes one PENDING row of {@code template} for each row of {@code recipientsSql}, in the caller's
     * transaction.
     *
     * @param template      the message as every recipient gets it; its chat id is ignored, its platform is the
     *                      platform of every recipient; it must fit one call (no text to split)
     * @param recipientsSql a SELECT with the columns {@code chat_id} (BIGINT) and {@code not_before}
     *                      (TIMESTAMP WITH TIME ZONE, or NULL for "now"), one row per recipient chat
     * @return rows written
     */
    public int enqueueEach(OutboundMessage template, String recipientsSql, List<Object> args, String reference) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("BulkOutbox.enqueueEach must run inside the caller's transaction");
        }
        if (reference != null && reference.length() > Outbox.MAX_REFERENCE) {
            throw new IllegalArgumentException("reference longer than " + Outbox.MAX_REFERENCE + " characters");
        }
        OutboundMessage sentinel = new OutboundMessage(template.op(), template.platform(), SENTINEL, template.text(),
                template.html(), template.keyboard(), template.messageId(), template.callbackId(), template.photo(),
                template.fileName(), template.content());
        if (MessageSplitter.split(sentinel).size() != 1) {
            throw new IllegalArgumentException("a bulk message must fit one call");
        }
        String payload = codec.encode(sentinel);
        String marker = "\"chatId\":" + SENTINEL;
        int at = payload.indexOf(marker);
        if (at < 0 || payload.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("cannot place the chat id in the encoded payload");
        }
        String head = payload.substring(0, at + marker.length() - Long.toString(SENTINEL).length());
        String tail = payload.substring(at + marker.length());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String sql = "INSERT INTO outbound_message (platform, chat_id, chat_key, op, payload, status, attempts, "
                + "not_before, created_at, reference) "
                + "SELECT ?, r.chat_id, CAST(? AS VARCHAR(8)) || CAST(r.chat_id AS VARCHAR(20)), ?, "
                + "CAST(? AS VARCHAR) || CAST(r.chat_id AS VARCHAR(20)) || CAST(? AS VARCHAR), 'PENDING', 0, "
                + "COALESCE(r.not_before, CAST(? AS TIMESTAMP WITH TIME ZONE)), CAST(? AS TIMESTAMP WITH TIME ZONE), ? "
                + "FROM (" + recipientsSql + ") r";
        List<Object> all = new ArrayList<>();
        all.add(template.platform().name());
        all.add(template.platform().code() + ":");
        all.add(template.op().name());
        all.add(head);
        all.add(tail);
        all.add(now);
        all.add(now);
        all.add(reference);
        all.addAll(args);
        return jdbc.update(sql, all.toArray());
    }

    /** Withdraws the rows of {@code reference} not yet leased by a sender; returns how many. */
    public int cancelPending(String reference) {
        return jdbc.update("UPDATE outbound_message SET status = '" + CANCELLED + "', claimed_by = NULL, "
                + "claimed_until = NULL WHERE reference = ? AND status = 'PENDING'", reference);
    }

    /** Rows of {@code reference} by status (PENDING, CLAIMED, SENT, FAILED, UNREACHABLE, CANCELLED). */
    public Map<String, Integer> countByStatus(String reference) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) FROM outbound_message WHERE reference = ? GROUP BY status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, reference);
        return counts;
    }
}

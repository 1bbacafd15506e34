package ir.hamyar.bot.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Purges what the runtime no longer needs, so the database does not grow without bound: applied or given-up
 * received updates, delivered (or undeliverable) outgoing messages, the flow and draft of forms that expired
 * long ago, and old domain event publications. Deletes go in batches of {@code batch-size} rows, each its own
 * short transaction, so a large backlog never becomes one huge transaction holding locks. Safe to run on
 * several instances at once: every statement is idempotent.
 */
@Component
public class Retention {

    /** What one run removed. */
    public record Purged(int inbox, int outbox, int conversations, int incompleteEvents) {
    }

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CompletedEventPublications completedEvents;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(JdbcTemplate jdbc, TransactionTemplate tx, CompletedEventPublications completedEvents,
              RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.completedEvents = completedEvents;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hamyar.retention.every:1h}", initialDelayString = "${hamyar.retention.every:1h}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Retention run failed; the next run tries again: {}", e.getClass().getSimpleName());
        }
    }

    /** One run, now, with the configured periods. */
    public Purged purge() {
        Instant now = clock.instant();
        int inbox = deleteInBatches("inbox_update", "status IN ('DONE', 'FAILED') AND received_at < ?",
                now.minus(properties.inbox()));
        int outbox = deleteInBatches("outbound_message", "status IN ('SENT', 'FAILED', 'UNREACHABLE') AND created_at < ?",
                now.minus(properties.outbox()));
        int conversations = clearExpiredConversations(now.minus(properties.conversations()));
        completedEvents.deletePublicationsOlderThan(properties.completedEvents());
        int incomplete = deleteInBatches("event_publication", "completion_date IS NULL AND publication_date < ?",
                now.minus(properties.incompleteEvents()));
        Purged purged = new Purged(inbox, outbox, conversations, incomplete);
        if (inbox + outbox + conversations + incomplete > 0) {
            log.info("Retention: deleted {} received updates and {} outgoing messages, cleared {} expired forms",
                    inbox, outbox, conversations);
        }
        if (incomplete > 0) {
            log.warn("Retention: gave up {} domain event publications never handled in {}", incomplete,
                    properties.incompleteEvents());
        }
        return purged;
    }

    /** {@code where} is a constant of this class with one parameter, the cut-off time. */
    private int deleteInBatches(String table, String where, Instant cutoff) {
        String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + where
                + " ORDER BY id LIMIT ?)";
        Timestamp before = Timestamp.from(cutoff);
        int total = 0;
        int n;
        do {
            n = jdbc.update(sql, before, properties.batchSize());
            total += n;
        } while (n >= properties.batchSize());
        return total;
    }

    /**
     * Keeps each conversation row (the chat's lock, its language, its reachability) and clears only the flow.
     * Rows a worker holds right now are skipped (that worker is about to save them anyway), and the expiry is
     * checked again on update, so a form started meanwhile is never touched.
     */
    private int clearExpiredConversations(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int total = 0;
        Batch batch;
        do {
            batch = Objects.requireNonNull(tx.execute(status -> clearBatch(before)));
            total += batch.changed();
        } while (batch.found() >= properties.batchSize());
        return total;
    }

    private record Batch(int found, int changed) {
    }

    private Batch clearBatch(Timestamp before) {
        List<String> keys = jdbc.queryForList("SELECT chat_key FROM conversation WHERE flow IS NOT NULL "
                + "AND expires_at < ? ORDER BY chat_key LIMIT ? FOR UPDATE SKIP LOCKED",
                String.class, before, properties.batchSize());
        int changed = 0;
        int[][] counts = jdbc.batchUpdate("UPDATE conversation SET flow = NULL, step = NULL, draft = NULL, "
                + "expires_at = NULL, version = version + 1 WHERE chat_key = ? AND expires_at < ?", keys, 500,
                (ps, key) -> {
                    ps.setString(1, key);
                    ps.setTimestamp(2, before);
                });
        for (int[] chunk : counts) {
            for (int c : chunk) {
                changed += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
            }
        }
        return new Batch(keys.size(), changed);
    }
}

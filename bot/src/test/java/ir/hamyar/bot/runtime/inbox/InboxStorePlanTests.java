package ir.hamyar.bot.runtime.inbox;

import com.zaxxer.hikari.HikariDataSource;
import ir.hamyar.bot.runtime.MigratedPostgres;
import ir.hamyar.testing.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans PostgreSQL makes for the worker's "read the pending updates of these chats" and "mark these updates done"
 * when its statistics are stale: they are those of the last ANALYZE, and after an outage thousands of updates are
 * delivered at once.
 */
class InboxStorePlanTests {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = MigratedPostgres.newDataSource("inbox_plans");
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    /** 5,000 updates applied, analyzed; then 3,000 pending the statistics do not know of; 300 chats. */
    private void staleStatistics() {
        jdbc.execute("ALTER TABLE inbox_update SET (autovacuum_enabled = false)");
        String insert = "INSERT INTO inbox_update (platform, update_id, chat_key, payload, status, received_at) "
                + "SELECT 'TELEGRAM', g, 'T:' || (g %% 300 + 1), '{}', '%s', now() FROM generate_series(%d, %d) g";
        jdbc.update(String.format(insert, "DONE", 1, 5_000));
        jdbc.execute("ANALYZE inbox_update");
        jdbc.update(String.format(insert, "PENDING", 5_001, 8_000));
    }

    @Test
    void theBatchReadsItsChatsPendingUpdatesThroughTheIndexOfPendingOnes() {
        staleStatistics();

        // the worker runs it with generic plans forced (TransactionSettings)
        String generic = QueryPlans.generic(jdbc, InboxStore.PENDING_OF, "ARRAY['T:1', 'T:2']::varchar[]", "10");

        assertThat(generic).contains("ix_inbox_update_pending").doesNotContain("Seq Scan");
    }

    @Test
    void updatesAreMarkedDoneByPrimaryKeyWhateverTheStatisticsSay() {
        staleStatistics();
        List<Long> ids = jdbc.queryForList("SELECT id FROM inbox_update WHERE status = 'PENDING' ORDER BY id LIMIT 16",
                Long.class);

        String custom = QueryPlans.custom(jdbc, InboxStore.MARK_ALL_DONE, Timestamp.from(Instant.now()),
                ids.toArray(new Long[0]));
        String generic = QueryPlans.generic(jdbc, InboxStore.MARK_ALL_DONE, "now()",
                "ARRAY" + ids + "::bigint[]");

        assertThat(custom).contains("inbox_update_pkey").doesNotContain("ix_inbox_update_pending");
        assertThat(generic).contains("inbox_update_pkey").doesNotContain("ix_inbox_update_pending");
    }
}

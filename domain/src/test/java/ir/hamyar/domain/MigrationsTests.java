package ir.hamyar.domain;

import ir.hamyar.testing.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class MigrationsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsRunOnRealPostgres() {
        String product = jdbc.queryForObject("SELECT version()", String.class);
        assertThat(product).startsWith("PostgreSQL");
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("SELECT to_regclass('event_publication') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void inboxRejectsTheSameUpdateTwice() {
        String insert = "INSERT INTO inbox_update (platform, update_id, chat_key, payload, status, received_at) "
                + "VALUES ('TELEGRAM', 42, 'T:1', '{}', 'PENDING', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING";
        assertThat(jdbc.update(insert)).isEqualTo(1);
        assertThat(jdbc.update(insert)).isZero();
    }

    @Test
    void queueTablesAreIndexedByTheirWaitingRowsOnlyOnPostgres() {
        // db/vendor/postgresql/V14: the waiting rows' indexes are partial, the V1 indexes of every row are gone
        assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname IN ('ix_inbox_update_pending', "
                + "'ix_outbound_ready', 'ix_outbound_unsent')", String.class))
                .hasSize(3).allSatisfy(def -> assertThat(def).contains(" WHERE "));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname IN ('ix_inbox_update_chat', "
                + "'ix_inbox_update_status', 'ix_outbound_pending', 'ix_outbound_chat')", Integer.class)).isZero();
    }

    @Test
    void conversationRowsHaveRoomForInPlaceUpdatesAndQueueTablesAreVacuumedByCount() {
        // db/vendor/postgresql/V16
        assertThat(jdbc.queryForList("SELECT unnest(reloptions) FROM pg_class WHERE relname = 'conversation'",
                String.class)).contains("fillfactor=70", "autovacuum_vacuum_scale_factor=0.0");
        assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relname IN ('inbox_update', "
                + "'outbound_message') AND 'autovacuum_vacuum_threshold=5000' = ANY(reloptions)", String.class))
                .containsExactlyInAnyOrder("inbox_update", "outbound_message");
    }
}

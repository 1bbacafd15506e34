package ir.hamyar.bot.runtime.conversation;

import com.zaxxer.hikari.HikariDataSource;
import ir.hamyar.bot.runtime.MigratedPostgres;
import ir.hamyar.testing.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker locks its batch's chats with generic plans forced (TransactionSettings): the plan made without the chat
 * keys must still find them by primary key among many conversations.
 */
class ConversationStorePlanTests {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = MigratedPostgres.newDataSource("conversation_plans");
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void theBatchLocksItsChatsByPrimaryKey() {
        jdbc.update("INSERT INTO conversation (chat_key, platform, chat_id, chat_type, updated_at) "
                + "SELECT 'T:' || g, 'TELEGRAM', g, 'PRIVATE', now() FROM generate_series(1, 20000) g");
        jdbc.execute("ANALYZE conversation");

        String generic = QueryPlans.generic(jdbc, ConversationStore.LOCK_ALL, "ARRAY['T:1', 'T:2']::varchar[]");

        assertThat(generic).contains("conversation_pkey").doesNotContain("Seq Scan");
    }
}

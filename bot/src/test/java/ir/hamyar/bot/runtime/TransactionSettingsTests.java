package ir.hamyar.bot.runtime;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings last as long as the transaction, on PostgreSQL; on H2 they are left out. */
class TransactionSettingsTests {

    private static final String SETTINGS = "SELECT current_setting('plan_cache_mode') || ' ' "
            + "|| current_setting('synchronous_commit')";

    @Test
    void onPostgresqlTheyHoldForTheRestOfTheTransactionOnly() throws Exception {
        try (HikariDataSource dataSource = MigratedPostgres.newDataSource("tx_settings");
             Connection connection = dataSource.getConnection()) {
            // every transaction below on the same connection, as a pooled one is used again
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            TransactionSettings settings = new TransactionSettings(jdbc);
            TransactionTemplate tx = JdbcTransactions.on(jdbc);
            jdbc.execute("SET synchronous_commit = on"); // the test cluster runs with it off

            List<String> seen = tx.execute(s -> {
                String before = read(jdbc);
                settings.genericPlans();
                String generic = read(jdbc);
                settings.defaultPlans();
                return List.of(before, generic, read(jdbc));
            });
            String sender = tx.execute(s -> {
                settings.senderBookkeeping();
                return read(jdbc);
            });

            assertThat(seen).containsExactly("auto on", "force_generic_plan on", "auto on");
            assertThat(sender).isEqualTo("force_generic_plan off");
            assertThat(read(jdbc)).as("after the transactions, on the same connection").isEqualTo("auto on");
            // outside a transaction SET LOCAL lasts for the one statement only: nothing leaks either
            settings.senderBookkeeping();
            assertThat(read(jdbc)).isEqualTo("auto on");
        }
    }

    @Test
    void onH2TheyAreLeftOut() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:tx_settings;MODE=PostgreSQL");
        try (dataSource) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionSettings settings = new TransactionSettings(jdbc);

            Integer result = JdbcTransactions.on(jdbc).execute(s -> {
                settings.genericPlans();
                settings.senderBookkeeping();
                settings.defaultPlans();
                return jdbc.queryForObject("SELECT 1", Integer.class);
            });

            assertThat(result).isEqualTo(1);
        }
    }

    private static String read(JdbcTemplate jdbc) {
        return jdbc.queryForObject(SETTINGS, String.class);
    }
}

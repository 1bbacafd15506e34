package ir.hamyar.bot.runtime.outbound;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * One application instance's outbound path, wired by hand on a shared database, so that a test can run
 * several instances side by side (as several bot processes behind one PostgreSQL would).
 */
final class OutboundStack implements AutoCloseable {

    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final OutboxSender sender;
    final Outbox outbox;
    final OutboxStore store;
    private final HikariDataSource dataSource;

    OutboundStack(String url, String username, String password, OutboundProperties properties,
                  List<MessengerClient> clients) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(6);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration",
                "classpath:db/vendor/" + (url.startsWith("jdbc:h2:") ? "h2" : "postgresql")).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        store = new OutboxStore(jdbc);
        OutboundMetrics metrics = new OutboundMetrics(new SimpleMeterRegistry());
        OutboundGateway gateway = new OutboundGateway(clients, properties, new ChatReachability(jdbc), metrics, System::nanoTime);
        sender = new OutboxSender(store, gateway,
                new StaticListableBeanFactory().getBeanProvider(DeliveryListener.class), properties, metrics);
        outbox = new Outbox(store, sender);
    }

    List<Long> enqueue(List<OutboundMessage> messages) {
        return tx.execute(s -> outbox.enqueue(messages, null));
    }

    int count(String where, Object... args) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE " + where, Integer.class, args);
        return n == null ? 0 : n;
    }

    String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbound_message WHERE id = ?", String.class, id);
    }

    @Override
    public void close() {
        sender.stop();
        dataSource.close();
    }
}

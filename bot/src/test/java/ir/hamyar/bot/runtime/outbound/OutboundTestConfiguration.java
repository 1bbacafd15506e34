package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.TransactionSettings;
import ir.hamyar.domain.shared.Platform;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbound beans on a real database and nothing else of the application (which is written concurrently):
 * DataSource, JDBC, transactions and Flyway auto-configuration, the beans of this package (and the runtime's
 * {@link TransactionSettings}), and in-memory
 * messengers for both platforms.
 *
 * <p>Deliberately no {@code @Configuration}: test classes are on the classpath of every application a test starts
 * ({@code TestApp}, or a child JVM), and the application's component scan would pick this class up and register
 * the recording messengers as the real ones until the bots start. {@code @SpringBootTest(classes = …)} processes it
 * all the same.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan(basePackageClasses = Outbox.class)
class OutboundTestConfiguration {

    @Bean
    TransactionSettings transactionSettings(JdbcTemplate jdbc) {
        return new TransactionSettings(jdbc);
    }

    @Bean
    RecordingMessengerClient telegramClient() {
        return new RecordingMessengerClient(Platform.TELEGRAM);
    }

    @Bean
    RecordingMessengerClient baleClient() {
        return new RecordingMessengerClient(Platform.BALE);
    }

    /** In the application the messenger adapter fills this registry when the bots start. */
    @Bean
    ir.hamyar.bot.runtime.MessengerClients messengerClients(RecordingMessengerClient telegramClient,
                                                            RecordingMessengerClient baleClient) {
        ir.hamyar.bot.runtime.MessengerClients clients = new ir.hamyar.bot.runtime.MessengerClients();
        clients.register(telegramClient);
        clients.register(baleClient);
        clients.registrationComplete();
        return clients;
    }

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }

    /** Remembers every delivery it is told of. */
    static class RecordingListener implements DeliveryListener {

        record Delivery(long outboxId, String reference, ir.hamyar.bot.runtime.OutboundMessage message,
                        ir.hamyar.bot.runtime.MessengerClient.SendResult result) {
        }

        private final List<Delivery> deliveries = new ArrayList<>();

        @Override
        public synchronized void delivered(long outboxId, String reference, ir.hamyar.bot.runtime.OutboundMessage message,
                                           ir.hamyar.bot.runtime.MessengerClient.SendResult result) {
            deliveries.add(new Delivery(outboxId, reference, message, result));
        }

        synchronized List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }
    }
}

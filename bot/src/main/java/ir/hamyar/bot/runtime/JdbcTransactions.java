package ir.hamyar.bot.runtime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;

/**
 * Transactions for the runtime's plain-JDBC stores (inbox, outbox) on threads of their own (receiver, sender,
 * poller): a JDBC transaction on a pooled connection, without the JPA transaction manager's Hibernate session
 * that such a transaction would otherwise open and close for nothing (a few per cent of the application's CPU
 * under load). Not a bean: a second transaction manager bean would make Spring Boot back off from the JPA one.
 * Not for code that also uses JPA, nor inside a JPA transaction.
 */
public final class JdbcTransactions {

    private JdbcTransactions() {
    }

    /** A template running its callbacks in a JDBC transaction on {@code jdbc}'s data source. */
    public static TransactionTemplate on(JdbcTemplate jdbc) {
        return new TransactionTemplate(new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(),
                "a JdbcTemplate with a data source")));
    }
}

package ir.hamyar.bot.runtime;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL settings for the rest of the current transaction ({@code SET LOCAL}: they end with it, and the pooled
 * connection goes back as it was). Nothing on other databases (H2). Each call is one round trip.
 *
 * <p>Why generic plans. The runtime's hot statements take their lists as one array parameter ({@code = ANY(?)}), so
 * the driver keeps them prepared; but PostgreSQL costs the generic plan of {@code = ANY($n)} for ten values, finds
 * the custom plans for fewer cheaper, and so plans them again at every execution. Measured at 1,000 updates/s in the
 * load benchmark (pg_stat_statements): 5 s of planning in 20 s for the worker's four statements alone (lock the chats,
 * read their pending updates, mark them done, the senders' standings), a quarter of the server's CPU, for the same
 * plan every time: by primary key or by a unique index. Their generic plans are checked by the plan tests.
 */
@Component
public class TransactionSettings {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public TransactionSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Generic plans for the statements that follow in this transaction. Only for statements whose generic plan is
     * known to be right (plan tests): undo with {@link #defaultPlans()} before running anyone else's.
     */
    public void genericPlans() {
        run("SET LOCAL plan_cache_mode = force_generic_plan");
    }

    /** Back to the server's own choice of plans, for the rest of this transaction. */
    public void defaultPlans() {
        run("SET LOCAL plan_cache_mode TO DEFAULT");
    }

    /**
     * For the outbox sender's own transactions (claims, outcomes, lease renewals): generic plans (as above), and a
     * commit that does not wait for its WAL record to reach the disk ({@code synchronous_commit = off}). Such a commit
     * is visible at once, and on disk with the next flush (at most three {@code wal_writer_delay}s, 0.6 s by default,
     * or sooner with any other transaction's commit); only a crash of the database server itself in between undoes
     * it, not a crash or restart of the bot. What that undoes is bookkeeping whose loss sends a message twice, never
     * loses one: a claim undone leaves the row pending, to be claimed again; an outcome undone leaves the row claimed
     * until its lease runs out, then it is sent again. The same as for a row in flight when the bot crashes. Not for
     * transactions that store what the bot received or applied: those must be on disk before anyone acts on them.
     */
    public void senderBookkeeping() {
        run("SET LOCAL synchronous_commit = off; SET LOCAL plan_cache_mode = force_generic_plan");
    }

    private void run(String sql) {
        if (isPostgres()) {
            jdbc.execute(sql);
        }
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con ->
                    "PostgreSQL".equals(con.getMetaData().getDatabaseProductName())));
            postgres = known;
        }
        return known;
    }
}

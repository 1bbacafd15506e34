package ir.hamyar.domain.membership;

import ir.hamyar.testing.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic plan of {@link MemberStandings#OF_ALL}, which the bot runs with PostgreSQL's generic plans forced (made
 * once per connection, without the parameters' values): by the accounts' unique index and the members' primary key,
 * never a scan of either table. Twenty thousand members, analyzed, in a transaction rolled back at the end.
 */
class MemberStandingPlanTests extends MembershipTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theGenericPlanReadsByIndexOnly() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String plan = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("WITH m AS (INSERT INTO member (status, created_at) SELECT 'ERASED', now() "
                    + "FROM generate_series(1, 20000) RETURNING id) "
                    + "INSERT INTO member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at) "
                    + "SELECT 'TELEGRAM', 9000000000 + id, 9000000000 + id, id, now(), now() FROM m");
            jdbc.execute("ANALYZE member, member_account");
            return QueryPlans.generic(jdbc, MemberStandings.OF_ALL, "'TELEGRAM'",
                    "ARRAY[9000000001, 9000000002]::bigint[]");
        });

        assertThat(plan).contains("uq_member_account_user").contains("member_pkey").doesNotContain("Seq Scan");
    }
}

package ir.hamyar.domain.membership;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
            return genericPlan(MemberStandings.OF_ALL, "'TELEGRAM'", "ARRAY[9000000001, 9000000002]::bigint[]");
        });

        assertThat(plan).contains("uq_member_account_user").contains("member_pkey").doesNotContain("Seq Scan");
    }

    private String genericPlan(String sql, String... literals) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return jdbc.execute((ConnectionCallback<String>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                st.execute("PREPARE standings AS " + numbered);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE standings(" + String.join(", ", literals) + ")")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                st.execute("DEALLOCATE standings");
                return String.join("\n", lines);
            }
        });
    }
}

package ir.hamyar.testing;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's plans of a statement with {@code ?} parameters, for the plan tests of the bot's stores and of the
 * domain's queries. A statement whose text does not change with its arguments (arrays for lists) is kept prepared by
 * the driver, and after five executions PostgreSQL may run it with a generic plan, made without the parameters'
 * values (and the bot forces generic plans for its hot statements): both plans must be right.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The plan made for these values (the first executions of a prepared statement, and every unprepared one). */
    public static String custom(JdbcTemplate jdbc, String sql, Object... args) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, args));
    }

    /**
     * The generic plan: {@code sql} prepared with {@code $n} parameters and planned whatever their values
     * ({@code plan_cache_mode = force_generic_plan}); {@code literals} are SQL literals for EXECUTE, one per parameter.
     */
    public static String generic(JdbcTemplate jdbc, String sql, String... literals) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        if (n != literals.length) {
            throw new IllegalArgumentException(n + " parameters, " + literals.length + " literals");
        }
        String statement = numbered.toString();
        return jdbc.execute((ConnectionCallback<String>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute("SET plan_cache_mode = force_generic_plan");
                st.execute("PREPARE planned AS " + statement);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE planned(" + String.join(", ", literals) + ")")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                st.execute("DEALLOCATE planned");
                st.execute("RESET plan_cache_mode");
                return String.join("\n", lines);
            }
        });
    }
}

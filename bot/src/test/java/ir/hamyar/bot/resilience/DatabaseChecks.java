package ir.hamyar.bot.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.testing.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.util.ArrayList;
import java.util.List;

/** Consistency checks on the runtime tables, straight from the database. */
final class DatabaseChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseChecks() {
    }

    static JdbcTemplate jdbc(TestPostgres.Database db) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.username(),
                db.password()));
    }

    /** Conversations whose draft is neither null nor JSON. */
    static List<String> unreadableDrafts(JdbcTemplate jdbc) {
        List<String> bad = new ArrayList<>();
        jdbc.query("SELECT chat_key, draft FROM conversation WHERE draft IS NOT NULL", rs -> {
            try {
                JSON.readTree(rs.getString(2));
            } catch (Exception e) {
                bad.add(rs.getString(1));
            }
        });
        return bad;
    }

    static long inbox(JdbcTemplate jdbc, String status) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM inbox_update WHERE status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    /** Row counts per status and the rows of one chat: printed when a resilience test fails, to show why. */
    static String describe(JdbcTemplate jdbc, String chatKey) {
        StringBuilder b = new StringBuilder("inbox by status: ");
        b.append(jdbc.queryForList("SELECT status || '=' || count(*) FROM inbox_update GROUP BY status", String.class));
        b.append("\noutbox by status: ").append(jdbc.queryForList(
                "SELECT status || '=' || count(*) FROM outbound_message GROUP BY status", String.class));
        b.append("\nconversation ").append(chatKey).append(": ").append(jdbc.queryForList(
                "SELECT coalesce(flow, '-') || ' ' || coalesce(step, '-') || ' ' || coalesce(draft, '-') "
                        + "FROM conversation WHERE chat_key = ?", String.class, chatKey));
        b.append("\ninbox of ").append(chatKey).append(":\n");
        jdbc.query("SELECT id, update_id, status, attempts, payload FROM inbox_update WHERE chat_key = ? ORDER BY id",
                rs -> {
                    String payload = rs.getString(5);
                    int t = payload.indexOf("\"text\"");
                    b.append("  ").append(rs.getLong(1)).append(" u").append(rs.getLong(2)).append(' ')
                            .append(rs.getString(3)).append(" a").append(rs.getInt(4)).append(' ')
                            .append(t < 0 ? "" : payload.substring(t, Math.min(payload.length(), t + 30))).append('\n');
                }, chatKey);
        b.append("outbox of ").append(chatKey).append(":\n");
        jdbc.query("SELECT id, status, attempts, payload, sent_message_id, sent_at, last_error FROM outbound_message "
                + "WHERE chat_key = ? ORDER BY id", rs -> {
            String payload = rs.getString(4);
            int t = payload.indexOf("\"text\"");
            b.append("  ").append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(" a").append(rs.getInt(3))
                    .append(" msg=").append(rs.getString(5)).append(" at=").append(rs.getString(6))
                    .append(" err=").append(rs.getString(7)).append(' ')
                    .append(t < 0 ? "" : payload.substring(t, Math.min(payload.length(), t + 30))).append('\n');
        }, chatKey);
        return b.toString();
    }

    static long outboxNotSent(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE status <> 'SENT'", Long.class);
        return n == null ? 0 : n;
    }
}

package ir.hamyar.bot.runtime.conversation;

import ir.hamyar.bot.runtime.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversation rows. Locking a chat's row is also how its updates are kept in order across threads and
 * application instances: whoever holds the row lock applies that chat's next pending update.
 * <p>A plain component, not a {@code @Repository}: JdbcTemplate already translates SQL exceptions, and the
 * repository proxy's exception translation cost a few per cent of a worker's CPU on every call.
 */
@Component
class ConversationStore {

    /** The locked conversation and, in the same round trip, the chat's oldest pending update. */
    record Locked(ConversationState state, Long nextUpdateId, String nextPayload) {
    }

    private final JdbcTemplate jdbc;

    ConversationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Null when another worker holds the chat (SKIP LOCKED): that worker will carry on with its updates.
     *
     * <p>The pending update is read by a second statement, after the lock is held: in READ COMMITTED a statement
     * sees the data of its start, so a subquery inside the locking statement could still see an update that the
     * previous lock holder marked done just before the lock passed here — and apply it twice (found by the
     * two-instance end-to-end test).
     */
    Locked lockWithNextUpdate(String chatKey) {
        List<ConversationState> rows = jdbc.query(
                "SELECT flow, step, draft, locale, expires_at FROM conversation WHERE chat_key = ? FOR UPDATE SKIP LOCKED",
                (rs, i) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    return new ConversationState(rs.getString("flow"), rs.getString("step"), rs.getString("draft"),
                            rs.getString("locale"), expires == null ? null : expires.toInstant());
                }, chatKey);
        if (rows.isEmpty()) {
            return null;
        }
        List<Locked> next = jdbc.query("SELECT id, payload FROM inbox_update WHERE chat_key = ? AND status = 'PENDING' "
                        + "ORDER BY id LIMIT 1",
                (rs, i) -> new Locked(rows.get(0), rs.getLong("id"), rs.getString("payload")), chatKey);
        return next.isEmpty() ? new Locked(rows.get(0), null, null) : next.get(0);
    }

    /** Locks the conversations of given chats (an array of chat keys) that no one else holds. */
    static final String LOCK_ALL = "SELECT chat_key, flow, step, draft, locale, expires_at FROM conversation "
            + "WHERE chat_key = ANY(?) ORDER BY chat_key FOR UPDATE SKIP LOCKED";

    /**
     * Locks the conversation rows of several chats in one statement and returns their states; chats held by
     * another worker or instance are left out (SKIP LOCKED). Their pending updates are read afterwards, by a
     * statement of its own, for the reason given at {@link #lockWithNextUpdate}.
     */
    Map<String, ConversationState> lockAll(List<String> chatKeys) {
        Map<String, ConversationState> locked = new LinkedHashMap<>();
        jdbc.query(LOCK_ALL, rs -> {
            Timestamp expires = rs.getTimestamp("expires_at");
            locked.put(rs.getString("chat_key"), new ConversationState(rs.getString("flow"),
                    rs.getString("step"), rs.getString("draft"), rs.getString("locale"),
                    expires == null ? null : expires.toInstant()));
        }, (Object) SqlLists.array(chatKeys));
        return locked;
    }

    /** Saves several chats' states in one JDBC batch (one round trip). */
    void saveAll(Map<String, ConversationState> states, Instant now) {
        if (states.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE conversation SET flow = ?, step = ?, draft = ?, locale = ?, expires_at = ?, "
                        + "updated_at = ?, version = version + 1, unreachable_at = NULL WHERE chat_key = ?",
                states.entrySet().stream().map(e -> new Object[] {e.getValue().flow(), e.getValue().step(),
                        e.getValue().draft(), e.getValue().locale(), e.getValue().expiresAt() == null ? null
                        : Timestamp.from(e.getValue().expiresAt()), at, e.getKey()}).toList());
    }

    /** Waits for the chat's lock (used to record a failure after a rollback). */
    void lock(String chatKey) {
        jdbc.queryForList("SELECT chat_key FROM conversation WHERE chat_key = ? FOR UPDATE", chatKey);
    }

    void save(String chatKey, ConversationState s, Instant now) {
        jdbc.update("UPDATE conversation SET flow = ?, step = ?, draft = ?, locale = ?, expires_at = ?, "
                        + "updated_at = ?, version = version + 1, unreachable_at = NULL WHERE chat_key = ?",
                s.flow(), s.step(), s.draft(), s.locale(),
                s.expiresAt() == null ? null : Timestamp.from(s.expiresAt()), Timestamp.from(now), chatKey);
    }

    /** The language of a chat other than the current one (for notifications); null when unknown. */
    String localeOf(String chatKey) {
        List<String> l = jdbc.queryForList("SELECT locale FROM conversation WHERE chat_key = ?", String.class, chatKey);
        return l.isEmpty() ? null : l.get(0);
    }

    long activeConversations(Instant now) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM conversation WHERE flow IS NOT NULL AND expires_at > ?",
                Long.class, Timestamp.from(now));
        return n == null ? 0 : n;
    }
}

package ir.hamyar.bot.runtime.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.JdbcTransactions;
import ir.hamyar.bot.runtime.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inbox table: received updates, stored once per (platform, update id) before they are acknowledged.
 * Plain JDBC on purpose: this is the hot path of every update.
 * <p>A plain component, not a {@code @Repository}: JdbcTemplate already translates SQL exceptions, and the
 * repository proxy's exception translation cost a few per cent of a worker's CPU on every call.
 */
@Component
public class InboxStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Chats whose conversation row surely exists: skips one insert per update for chats seen before. */
    private final Cache<String, Boolean> knownChats = Caffeine.newBuilder().maximumSize(200_000).build();
    /**
     * Updates stored by this instance and not yet taken by a worker, so that the worker need not parse the stored
     * JSON again (a twentieth of the application's CPU under load). Taken out when read; what is missing here
     * (received by another instance, left by a restart, or a batch rolled back) is read from its payload.
     */
    private final Cache<String, Inbound> received = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    /** Rows per multi-row INSERT (a getUpdates answer holds at most 100 updates). */
    private static final int ROWS_PER_INSERT = 200;

    InboxStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.tx = JdbcTransactions.on(jdbc);
        this.clock = clock;
    }

    /** Stores a batch in one transaction; returns the chat keys that got new updates. */
    public Set<String> store(List<Inbound> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(updates.size());
        List<Object[]> newChats = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Inbound u : updates) {
            String key = u.chat().key();
            keys.add(key);
            rows.add(new Object[]{u.platform().name(), u.updateId(), key, toJson(u), now});
            if (knownChats.getIfPresent(key) == null) {
                newChats.add(new Object[]{key, u.platform().name(), u.chatId(), u.chatType().name(), now});
            }
        }
        // One multi-row INSERT per table instead of a JDBC batch: the server ran one statement per update
        // received, now one per getUpdates answer (up to 100 updates).
        Integer inserted = tx.execute(status -> {
            if (!newChats.isEmpty()) {
                insertRows("INSERT INTO conversation (chat_key, platform, chat_id, chat_type, updated_at) VALUES ",
                        "(?, ?, ?, ?, ?)", " ON CONFLICT DO NOTHING", newChats);
            }
            return insertRows("INSERT INTO inbox_update (platform, update_id, chat_key, payload, status, received_at) "
                    + "VALUES ", "(?, ?, ?, ?, 'PENDING', ?)", " ON CONFLICT DO NOTHING", rows);
        });
        for (Object[] c : newChats) {
            knownChats.put((String) c[0], Boolean.TRUE);
        }
        // Kept as received only when every row was new: a redelivered update keeps the payload stored the first
        // time, and which rows of a statement were redeliveries is not known (rare: they are read from storage).
        if (inserted != null && inserted == updates.size()) {
            for (Inbound u : updates) {
                received.put(receivedKey(u.platform().name(), u.updateId()), u);
            }
        }
        return keys;
    }

    /** Inserts rows with multi-row VALUES statements of at most {@link #ROWS_PER_INSERT} rows; returns the count. */
    private int insertRows(String head, String row, String tail, List<Object[]> values) {
        int count = 0;
        for (int from = 0; from < values.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = values.subList(from, Math.min(values.size(), from + ROWS_PER_INSERT));
            count += jdbc.update(head + SqlLists.rows(chunk.size(), row) + tail,
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
        return count;
    }

    /** Chats that have pending updates, oldest first: for the recovery sweep. */
    public List<String> chatsWithPending(int limit) {
        return jdbc.queryForList("SELECT chat_key FROM inbox_update WHERE status = 'PENDING' "
                + "GROUP BY chat_key ORDER BY MIN(id) LIMIT ?", String.class, limit);
    }

    public long pendingCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM inbox_update WHERE status = 'PENDING'", Long.class);
        return n == null ? 0 : n;
    }

    /** A stored update waiting to be applied; {@code received} is the update as received here, when known. */
    public record Pending(long id, String chatKey, String payload, Inbound received) {

        /** The update: as received by this instance if it was, else read from the stored payload. */
        public Inbound inbound() {
            return received != null ? received : fromJson(payload);
        }
    }

    private static String receivedKey(String platform, long updateId) {
        return platform + ':' + updateId;
    }

    /**
     * The oldest pending updates of several chats, at most {@code perChat} of each, in id order (so in each
     * chat's order). Call it after the chats are locked: see {@code ConversationStore.lockWithNextUpdate}.
     */
    public List<Pending> pendingOf(Collection<String> chatKeys, int perChat) {
        if (chatKeys.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(chatKeys);
        args.add(perChat);
        return jdbc.query("SELECT id, chat_key, payload, platform, update_id FROM (SELECT id, chat_key, payload, "
                        + "platform, update_id, ROW_NUMBER() OVER (PARTITION BY chat_key ORDER BY id) AS n "
                        + "FROM inbox_update WHERE chat_key IN (" + SqlLists.placeholders(chatKeys.size())
                        + ") AND status = 'PENDING') p WHERE n <= ? ORDER BY id",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        received.asMap().remove(receivedKey(rs.getString(4), rs.getLong(5)))), args.toArray());
    }

    /**
     * Marks several updates done in one statement. False when any of them is no longer pending (applied
     * already by whoever held its chat before): the caller must roll back.
     */
    public boolean markAllDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        List<Object> args = new ArrayList<>(ids.size() + 1);
        args.add(Timestamp.from(clock.instant()));
        args.addAll(ids);
        return jdbc.update(markAllDoneSql(ids.size()), args.toArray()) == ids.size();
    }

    /**
     * "Still pending" as a CASE, which PostgreSQL does not take as implying the {@code WHERE} of the partial index of
     * pending updates: with {@code status = 'PENDING'} it may read that whole index instead of the given rows by
     * primary key whenever the statistics say few updates wait (as after an outage, when thousands are delivered at
     * once); see OutboxStore's claims, where that happened under load.
     */
    private static final String STILL_PENDING = "CASE WHEN status = 'PENDING' THEN TRUE ELSE FALSE END";

    static String markAllDoneSql(int ids) {
        return "UPDATE inbox_update SET status = 'DONE', processed_at = ?, attempts = attempts + 1 WHERE id IN ("
                + SqlLists.placeholders(ids) + ") AND " + STILL_PENDING;
    }

    /** False when the update is no longer pending (already applied): the caller must roll back. */
    public boolean markDone(long id) {
        return jdbc.update("UPDATE inbox_update SET status = 'DONE', processed_at = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND " + STILL_PENDING, Timestamp.from(clock.instant()), id) == 1;
    }

    /** Counts a failed try; after {@code maxAttempts} the update is given up (FAILED). Returns true if given up. */
    public boolean recordFailure(long id, int maxAttempts) {
        jdbc.update("UPDATE inbox_update SET attempts = attempts + 1, "
                + "status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE status END, processed_at = ? WHERE id = ?",
                maxAttempts, Timestamp.from(clock.instant()), id);
        String status = jdbc.queryForObject("SELECT status FROM inbox_update WHERE id = ?", String.class, id);
        return FAILED.equals(status);
    }

    public static String toJson(Inbound u) {
        try {
            return RuntimeJson.MAPPER.writeValueAsString(u);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise update", e);
        }
    }

    public static Inbound fromJson(String json) {
        try {
            return RuntimeJson.MAPPER.readValue(json, Inbound.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored update", e);
        }
    }
}

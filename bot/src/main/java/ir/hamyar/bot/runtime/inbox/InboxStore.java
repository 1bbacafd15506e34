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

    /** New chats' conversation rows: the time, then arrays of chat keys, platforms, chat ids and chat types. */
    private static final String INSERT_CHATS = "INSERT INTO conversation (chat_key, platform, chat_id, chat_type, "
            + "updated_at) SELECT v.k, v.p, v.i, v.t, ? FROM unnest(?, ?, ?, ?) AS v(k, p, i, t) ON CONFLICT DO NOTHING";
    /**
     * Received updates: the time, then arrays of platforms, update ids, chat keys and payloads. Inserted in the order
     * received (the ordinality), so that the ids, which order each chat's updates, follow it.
     */
    private static final String INSERT_UPDATES = "INSERT INTO inbox_update (platform, update_id, chat_key, payload, "
            + "status, received_at) SELECT v.p, v.u, v.k, v.j, 'PENDING', ? FROM unnest(?, ?, ?, ?) WITH ORDINALITY "
            + "AS v(p, u, k, j, n) ORDER BY v.n ON CONFLICT DO NOTHING";

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
        int n = updates.size();
        String[] platforms = new String[n];
        Long[] updateIds = new Long[n];
        String[] chatKeys = new String[n];
        String[] payloads = new String[n];
        List<Inbound> newChats = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Inbound u = updates.get(i);
            String key = u.chat().key();
            keys.add(key);
            platforms[i] = u.platform().name();
            updateIds[i] = u.updateId();
            chatKeys[i] = key;
            payloads[i] = toJson(u);
            if (knownChats.getIfPresent(key) == null) {
                newChats.add(u);
            }
        }
        // One statement per table for the whole getUpdates answer (a JDBC batch was one execution per update), and
        // the same statement text whatever its size: the columns go in as arrays (see SqlLists.array).
        Integer inserted = tx.execute(status -> {
            if (!newChats.isEmpty()) {
                jdbc.update(INSERT_CHATS, now, SqlLists.array(newChats.stream().map(u -> u.chat().key()).toList()),
                        SqlLists.array(newChats.stream().map(u -> u.platform().name()).toList()),
                        SqlLists.ids(newChats.stream().map(Inbound::chatId).toList()),
                        SqlLists.array(newChats.stream().map(u -> u.chatType().name()).toList()));
            }
            return jdbc.update(INSERT_UPDATES, now, platforms, updateIds, chatKeys, payloads);
        });
        for (Inbound u : newChats) {
            knownChats.put(u.chat().key(), Boolean.TRUE);
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
    /** The first pending updates of given chats: an array of chat keys, then how many of each chat at most. */
    static final String PENDING_OF = "SELECT id, chat_key, payload, platform, update_id FROM (SELECT id, chat_key, "
            + "payload, platform, update_id, ROW_NUMBER() OVER (PARTITION BY chat_key ORDER BY id) AS n "
            + "FROM inbox_update WHERE chat_key = ANY(?) AND status = 'PENDING') p WHERE n <= ? ORDER BY id";

    public List<Pending> pendingOf(Collection<String> chatKeys, int perChat) {
        if (chatKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(PENDING_OF, (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        received.asMap().remove(receivedKey(rs.getString(4), rs.getLong(5)))),
                SqlLists.array(chatKeys), perChat);
    }

    /**
     * Marks several updates done in one statement. False when any of them is no longer pending (applied
     * already by whoever held its chat before): the caller must roll back.
     */
    public boolean markAllDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        return jdbc.update(MARK_ALL_DONE, Timestamp.from(clock.instant()), SqlLists.ids(ids)) == ids.size();
    }

    /**
     * "Still pending" as a CASE, which PostgreSQL does not take as implying the {@code WHERE} of the partial index of
     * pending updates: with {@code status = 'PENDING'} it may read that whole index instead of the given rows by
     * primary key whenever the statistics say few updates wait (as after an outage, when thousands are delivered at
     * once); see OutboxStore's claims, where that happened under load.
     */
    private static final String STILL_PENDING = "CASE WHEN status = 'PENDING' THEN TRUE ELSE FALSE END";

    /** Marks the given updates (one array parameter, after the time) done if they are still pending. */
    static final String MARK_ALL_DONE = "UPDATE inbox_update SET status = 'DONE', processed_at = ?, "
            + "attempts = attempts + 1 WHERE id = ANY(?) AND " + STILL_PENDING;

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

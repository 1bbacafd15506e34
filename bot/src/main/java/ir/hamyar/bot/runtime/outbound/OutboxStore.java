package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.JdbcTransactions;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.SqlLists;
import ir.hamyar.bot.runtime.TransactionSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of the {@code outbound_message} table, for PostgreSQL and H2 alike. Every method is one short
 * transaction (or joins the caller's, for {@link #insert}); none is ever open across a messenger call.
 *
 * <p>Ordering rule: a row may be claimed only while no earlier row of its chat is unsent (PENDING or
 * CLAIMED), so one chat's rows go out one at a time in id order, whichever instance sends them. Callback
 * answers are outside that rule: they must be fast and change nothing in the chat.
 */
@Component
class OutboxStore {

    private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);

    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String UNREACHABLE = "UNREACHABLE";

    private static final int MAX_ERROR = 200;
    private static final int MAX_IDS_PER_QUERY = 500;

    /**
     * Ready rows that head their chat's queue, locked. {@code %1$s}: which rows, with one {@code ?} for the time now
     * first; {@code %2$s}: their order. The {@code ?} after them is the limit.
     */
    private static final String CLAIMABLE = "SELECT o.id, o.chat_key, o.payload, o.attempts, o.reference "
            + "FROM outbound_message o WHERE %1$s "
            + "AND (o.op = 'ANSWER_CALLBACK' OR NOT EXISTS (SELECT 1 FROM outbound_message p "
            + "WHERE p.chat_key = o.chat_key AND p.status IN ('PENDING', 'CLAIMED') "
            + "AND p.op <> 'ANSWER_CALLBACK' AND p.id < o.id)) "
            + "ORDER BY %2$s LIMIT ? FOR UPDATE SKIP LOCKED";

    /** The poller's: every ready row, oldest due first, through the index of waiting rows ({@code ix_outbound_ready}). */
    private static final String READY = "o.status = 'PENDING' AND o.not_before <= ?";
    /**
     * "PENDING and due" for the claims of given rows and of given chats, written so that the planner cannot take it
     * for the predicate of {@code ix_outbound_ready} (PostgreSQL uses a partial index only when the query's conditions
     * imply the index's {@code WHERE}, and it does not look inside a CASE). With {@code o.status = 'PENDING'} it
     * scanned that index, all the waiting rows, whenever the statistics said few rows wait: they are read at the
     * last ANALYZE, and a queue goes from none to thousands (a broadcast: a million) between two. Measured under load:
     * 4 to 50 ms a claim with 2,800 rows waiting, the largest share of the server's time; by primary key it is
     * a few index probes whatever the statistics say.
     */
    private static final String DUE = "CASE WHEN o.status = 'PENDING' THEN o.not_before <= ? ELSE FALSE END";
    private static final String BY_DUE = "o.not_before, o.id";
    /** Given rows (just written): by id, so that they are locked in the order the primary key finds them. */
    private static final String BY_ID = "o.id";
    private static final String CLAIM_READY = String.format(CLAIMABLE, READY, BY_DUE);

    /** The claim of given rows (an array parameter): by primary key (see {@link #DUE}). */
    static final String CLAIM_IDS = String.format(CLAIMABLE, DUE + " AND o.id = ANY(?)", BY_ID);

    /**
     * The claim of the next rows of given chats (an array parameter): through the index of each chat's unsent rows
     * ({@code ix_outbound_unsent}, whose predicate the {@code IN} implies), not through the ready rows' (see {@link #DUE}).
     */
    static final String CLAIM_CHATS = String.format(CLAIMABLE, "o.status IN ('PENDING', 'CLAIMED') AND " + DUE
            + " AND o.chat_key = ANY(?)", BY_DUE);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionSettings settings;
    private final PayloadCodec codec;
    private final Clock clock;

    /**
     * Messages written by this instance and not claimed yet, so that a claim here need not parse the stored JSON
     * again (as the inbox does with updates). Bounded by the size of their payloads (a photo is stored whole);
     * rows claimed elsewhere, written before a restart, rolled back or handed back are read from their payload.
     */
    private final Cache<Long, Written> written = Caffeine.newBuilder()
            .maximumWeight(16L << 20).weigher((Long id, Written w) -> w.payloadLength())
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    private record Written(OutboundMessage message, int payloadLength) {
    }

    @Autowired
    OutboxStore(JdbcTemplate jdbc, TransactionSettings settings) {
        this(jdbc, JdbcTransactions.on(jdbc), settings, new PayloadCodec(), Clock.systemUTC());
    }

    OutboxStore(JdbcTemplate jdbc) {
        this(jdbc, new TransactionSettings(jdbc));
    }

    /**
     * {@code tx} for the store's own transactions (claims, outcomes, renewals), which {@code settings} makes cheaper
     * on PostgreSQL ({@link TransactionSettings#senderBookkeeping()}); inserts join the caller's transaction.
     */
    OutboxStore(JdbcTemplate jdbc, TransactionTemplate tx, TransactionSettings settings, PayloadCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
    }

    /** One of the store's own transactions (see {@link TransactionSettings#senderBookkeeping()}). */
    private <T> T bookkeeping(java.util.function.Supplier<T> work) {
        return tx.execute(s -> {
            settings.senderBookkeeping();
            return work.get();
        });
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * New rows: the time (not before, created), the reference, then arrays of platforms, chat ids, chat keys, ops and
     * payloads (see {@code SqlLists.array}), inserted in the arrays' order.
     */
    private static final String INSERT = "INSERT INTO outbound_message (platform, chat_id, chat_key, op, payload, "
            + "status, attempts, not_before, created_at, reference) SELECT v.p, v.c, v.k, v.o, v.j, 'PENDING', 0, ?, ?, ? "
            + "FROM unnest(?, ?, ?, ?, ?) WITH ORDINALITY AS v(p, c, k, o, j, n) ORDER BY v.n";

    /**
     * Inserts PENDING rows in the caller's transaction, one statement for up to {@value #MAX_IDS_PER_QUERY} rows
     * (a JDBC batch was one execution per row); returns their ids in order.
     */
    List<Long> insert(List<OutboundMessage> messages, String reference) {
        OffsetDateTime now = now();
        List<Long> ids = new ArrayList<>(messages.size());
        for (int from = 0; from < messages.size(); from += MAX_IDS_PER_QUERY) {
            List<OutboundMessage> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_IDS_PER_QUERY));
            List<String> payloads = chunk.stream().map(codec::encode).toList();
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"});
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setString(3, reference);
                ps.setObject(4, chunk.stream().map(m -> m.platform().name()).toArray(String[]::new));
                ps.setObject(5, chunk.stream().map(OutboundMessage::chatId).toArray(Long[]::new));
                ps.setObject(6, chunk.stream().map(m -> m.chat().key()).toArray(String[]::new));
                ps.setObject(7, chunk.stream().map(m -> m.op().name()).toArray(String[]::new));
                ps.setObject(8, payloads.toArray(new String[0]));
                return ps;
            }, keys);
            List<Long> chunkIds = new ArrayList<>(chunk.size());
            for (Map<String, Object> row : keys.getKeyList()) {
                Object id = row.size() == 1 ? row.values().iterator().next() : row.get("id");
                chunkIds.add(((Number) id).longValue());
            }
            if (chunkIds.size() != chunk.size()) {
                throw new IllegalStateException("database returned " + chunkIds.size() + " keys for " + chunk.size()
                        + " rows");
            }
            // The identity values are drawn in the order of the rows (the ordinality); the order in which the keys come back
            // is not promised, so they are put in that order here.
            chunkIds.sort(null);
            for (int i = 0; i < chunk.size(); i++) {
                written.put(chunkIds.get(i), new Written(chunk.get(i), payloads.get(i).length()));
            }
            ids.addAll(chunkIds);
        }
        return ids;
    }

    /** Rows whose lease ran out (their instance died or hung) become PENDING again; returns how many. */
    int recoverExpiredLeases() {
        return jdbc.update("UPDATE outbound_message SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL "
                + "WHERE status = 'CLAIMED' AND claimed_until < ?", now());
    }

    /** Claims up to {@code limit} ready rows that head their chat's queue, oldest first. */
    List<ClaimedRow> claimReady(int limit, String owner, Duration lease) {
        return bookkeeping(() -> claim(CLAIM_READY, null, limit, owner, lease));
    }

    /**
     * Claims up to {@code limit} of the given rows that are ready and head their chat's queue (the after-commit
     * fast path); the others stay PENDING for the poller or for their chat's next turn.
     */
    List<ClaimedRow> claimIds(Collection<Long> ids, int limit, String owner, Duration lease) {
        List<ClaimedRow> claimed = new ArrayList<>();
        List<Long> all = ids.stream().sorted().toList();
        for (int from = 0; from < all.size() && claimed.size() < limit; from += MAX_IDS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY));
            int room = Math.min(chunk.size(), limit - claimed.size());
            claimed.addAll(bookkeeping(() -> claim(CLAIM_IDS, SqlLists.ids(chunk), room, owner, lease)));
        }
        return claimed;
    }

    /**
     * Claims, in the caller's transaction, those of the rows it has just written that head their chat's queue: the same
     * claim as {@link #claimIds}, in the writing transaction instead of one of its own after commit (see {@link Outbox}).
     */
    List<ClaimedRow> claimWritten(List<Long> ids, String owner, Duration lease) {
        return claim(CLAIM_IDS, SqlLists.ids(ids), ids.size(), owner, lease);
    }

    /** The final outcome of a sent (or given up) row, to be stored. */
    record Outcome(ClaimedRow row, String status, int attempts, Long sentMessageId, String error) {
    }

    /**
     * Stores the final outcomes of several rows in one transaction (one statement per kind of outcome) and, in the same
     * transaction, claims the next ready row of each of their chats (none when {@code continueChats} is false).
     * One transaction for many rows: under load the sender finishes rows in groups instead of paying a commit
     * for each message.
     */
    List<ClaimedRow> finishAll(List<Outcome> outcomes, String owner, Duration lease, boolean continueChats) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        return bookkeeping(() -> {
            OffsetDateTime now = now();
            // The lease may have run out and the row been made PENDING again: it is sent now, so mark it
            // unless another instance has claimed it meanwhile.
            int lost = 0;
            for (List<Outcome> group : outcomes.stream().collect(Collectors.groupingBy(
                    o -> Arrays.asList(o.status(), o.attempts(), shorten(o.error())), LinkedHashMap::new,
                    Collectors.toList())).values()) {
                for (int from = 0; from < group.size(); from += MAX_IDS_PER_QUERY) {
                    List<Outcome> chunk = group.subList(from, Math.min(group.size(), from + MAX_IDS_PER_QUERY));
                    lost += chunk.size() - finishGroup(chunk, now, owner);
                }
            }
            if (lost > 0) {
                log.warn("{} outbox rows were taken over by another instance while being sent", lost);
            }
            if (!continueChats) {
                return List.of();
            }
            List<String> chats = outcomes.stream().filter(o -> o.row().message().op() != OutboundMessage.Op.ANSWER_CALLBACK)
                    .map(o -> o.row().chatKey()).distinct().toList();
            List<ClaimedRow> next = new ArrayList<>();
            for (int from = 0; from < chats.size(); from += MAX_IDS_PER_QUERY) {
                List<String> chunk = chats.subList(from, Math.min(chats.size(), from + MAX_IDS_PER_QUERY));
                next.addAll(claim(CLAIM_CHATS, SqlLists.array(chunk), 2 * chunk.size(), owner, lease));
            }
            return next;
        });
    }

    /**
     * Stores the outcome of rows that share status, attempts and error in one statement (under load nearly all
     * are SENT at the first attempt: one statement where a batch was one execution per row); each row's message
     * id goes in through a CASE. Returns how many rows were updated.
     */
    private int finishGroup(List<Outcome> group, OffsetDateTime now, String owner) {
        Outcome first = group.get(0);
        boolean sent = SENT.equals(first.status());
        StringBuilder sql = new StringBuilder("UPDATE outbound_message SET status = ?, attempts = ?, sent_at = ?, ");
        List<Object> args = new ArrayList<>();
        args.add(first.status());
        args.add(first.attempts());
        args.add(sent ? now : null);
        Long[] ids = SqlLists.ids(group.stream().map(o -> o.row().id()).toList());
        if (group.stream().allMatch(o -> o.sentMessageId() == null)) {
            sql.append("sent_message_id = NULL");
        } else {
            // each row's message id from a pair of arrays: one statement text whatever the group's size (a CASE with
            // a branch per row was a new statement for PostgreSQL to parse and plan each time)
            sql.append("sent_message_id = (SELECT v.m FROM unnest(?, ?) AS v(i, m) WHERE v.i = outbound_message.id)");
            args.add(ids);
            args.add(group.stream().map(Outcome::sentMessageId).toArray(Long[]::new));
        }
        sql.append(", last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ANY(?) "
                + "AND (claimed_by = ? OR status = 'PENDING')");
        args.add(shorten(first.error()));
        args.add(ids);
        args.add(owner);
        return jdbc.update(sql.toString(), args.toArray());
    }

    /** Hands a row back: PENDING again, not before {@code notBefore}, counting a transient failure if asked. */
    void reschedule(ClaimedRow row, OffsetDateTime notBefore, boolean countAttempt, String error, String owner) {
        jdbc.update("UPDATE outbound_message SET status = 'PENDING', not_before = ?, attempts = attempts + ?, "
                        + "last_error = COALESCE(?, last_error), claimed_by = NULL, claimed_until = NULL "
                        + "WHERE id = ? AND claimed_by = ?",
                notBefore, countAttempt ? 1 : 0, shorten(error), row.id(), owner);
    }

    /**
     * Extends to {@code now + lease} the leases this owner still holds among {@code ids}, and returns the ids
     * it no longer holds (finished or handed back meanwhile, or run out and taken by the poller of some
     * instance). The rows are locked between the read and the update, so a row reported as held cannot be
     * taken over in between; a row another transaction is changing right now counts as no longer held.
     */
    Set<Long> renew(Collection<Long> ids, String owner, Duration lease) {
        Set<Long> lost = new HashSet<>(ids);
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY));
            List<Long> held = bookkeeping(() -> {
                List<Long> mine = jdbc.queryForList("SELECT id FROM outbound_message WHERE status = 'CLAIMED' "
                        + "AND claimed_by = ? AND id = ANY(?) FOR UPDATE SKIP LOCKED", Long.class, owner, SqlLists.ids(chunk));
                if (!mine.isEmpty()) {
                    jdbc.update("UPDATE outbound_message SET claimed_until = ? WHERE id = ANY(?)", now().plus(lease),
                            SqlLists.ids(mine));
                }
                return mine;
            });
            lost.removeAll(held);
        }
        return lost;
    }

    /** Hands back the given rows if this owner still holds them (PENDING again, for whoever claims them next). */
    int release(List<Long> ids, String owner) {
        return jdbc.update("UPDATE outbound_message SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL "
                + "WHERE status = 'CLAIMED' AND claimed_by = ? AND id = ANY(?)", owner, SqlLists.ids(ids));
    }

    /** Hands back every row this owner still holds (clean shutdown). */
    int releaseAll(String owner) {
        return jdbc.update("UPDATE outbound_message SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL "
                + "WHERE status = 'CLAIMED' AND claimed_by = ?", owner);
    }

    /**
     * Unsent rows whose reference starts with {@code prefix} (a literal without {@code %} or {@code _}); the
     * status index narrows the count to unsent rows first.
     */
    long countUnsentWithReference(String prefix) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE status IN ('PENDING', 'CLAIMED') "
                + "AND reference LIKE ?", Long.class, prefix + "%");
        return n == null ? 0 : n;
    }

    long countUnsent() {
        Long n = jdbc.queryForObject(
                "SELECT count(*) FROM outbound_message WHERE status IN ('PENDING', 'CLAIMED')", Long.class);
        return n == null ? 0 : n;
    }

    /** {@code filter}: the array of ids or chat keys the statement takes after the time, or null for none. */
    private List<ClaimedRow> claim(String sql, Object[] filter, int limit, String owner, Duration lease) {
        OffsetDateTime now = now();
        List<Object> args = new ArrayList<>(3);
        args.add(now);
        if (filter != null) {
            args.add(filter);
        }
        args.add(limit);
        List<RawRow> raw = jdbc.query(sql, (rs, i) -> new RawRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getString(5)), args.toArray());
        if (raw.isEmpty()) {
            return List.of();
        }
        List<ClaimedRow> claimed = new ArrayList<>(raw.size());
        List<Object[]> unreadable = new ArrayList<>();
        for (RawRow r : raw) {
            try {
                Written w = written.asMap().remove(r.id);
                OutboundMessage message = w != null ? w.message() : codec.decode(r.payload);
                claimed.add(new ClaimedRow(r.id, r.chatKey, r.attempts, r.reference, message));
            } catch (IllegalArgumentException e) {
                unreadable.add(new Object[] {shorten(e.getMessage()), r.id});
            }
        }
        if (!unreadable.isEmpty()) {
            log.error("{} outbox rows have an unreadable payload and are marked FAILED", unreadable.size());
            jdbc.batchUpdate("UPDATE outbound_message SET status = 'FAILED', last_error = ? WHERE id = ?", unreadable);
        }
        if (!claimed.isEmpty()) {
            // One statement for the whole claim (the rows are locked above): a batch of one UPDATE per row was
            // one execution per message sent, a tenth of the server's statements under load.
            jdbc.update("UPDATE outbound_message SET status = 'CLAIMED', claimed_by = ?, claimed_until = ? "
                    + "WHERE id = ANY(?)", owner, now.plus(lease), SqlLists.ids(claimed.stream().map(ClaimedRow::id).toList()));
        }
        return claimed;
    }

    private static String shorten(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    private record RawRow(long id, String chatKey, String payload, int attempts, String reference) {
    }
}

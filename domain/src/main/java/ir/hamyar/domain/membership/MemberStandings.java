package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one query the bot runs on every input of every user ({@link MemberStanding}). Plain JDBC on purpose:
 * through Spring Data and Hibernate the same lookup cost about a quarter of a worker's CPU under load (query
 * interpretation, auto-flush checks, entity plumbing) for five columns. It reads what is in the database, so a
 * change made through JPA earlier in the same transaction is seen once flushed; the bot flushes after each update
 * it applies, and nothing changes a member before this check within one update.
 *
 * <p>Called directly, not through {@link Membership}: one query needs no transaction of its own (it runs in the
 * caller's, if any), and the transaction proxy around a {@code Membership} call cost about as much CPU as the query.
 */
@Component
public class MemberStandings {

    /** An account's standing; the account's user id last, for reading several at once. */
    private static final String SELECT = """
            SELECT a.member_id, m.status, m.terms_version, a.last_seen_at, a.chat_id,
                   (SELECT max(b.last_seen_at) FROM member_account b WHERE b.member_id = a.member_id AND b.id <> a.id),
                   a.user_id
            FROM member_account a JOIN member m ON m.id = a.member_id
            WHERE a.platform = ? AND a.user_id""";

    /** The standings of several accounts: the platform, then an array of user ids. */
    static final String OF_ALL = SELECT + " = ANY(?)";

    private static final int MAX_PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    MemberStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The standings of several accounts of one platform in one query (the bot reads them for a whole batch of
     * updates at once); accounts of no member are absent from the map.
     */
    public Map<Long, MemberStanding> ofAll(Platform platform, Collection<Long> userIds) {
        Map<Long, MemberStanding> found = new HashMap<>();
        if (platform == null || userIds.isEmpty()) {
            return found;
        }
        List<Long> all = List.copyOf(new LinkedHashSet<>(userIds));
        for (int from = 0; from < all.size(); from += MAX_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + MAX_PER_QUERY));
            // one array parameter: the same statement whatever the number of accounts, which the driver keeps prepared
            // (an IN list of each length was a new statement, parsed again). PostgreSQL would still make a custom plan
            // at every call (its generic plan of "= ANY($2)" is costed for ten accounts); the bot reads this for its
            // batches with generic plans forced, which MemberStandingPlanTests checks.
            jdbc.query(OF_ALL, rs -> {
                found.put(rs.getLong(7), standing(rs));
            }, platform.name(), chunk.toArray(new Long[0]));
        }
        return found;
    }

    private static MemberStanding standing(ResultSet rs) throws SQLException {
        Timestamp other = rs.getTimestamp(6);
        return new MemberStanding(rs.getLong(1), MemberStatus.valueOf(rs.getString(2)), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getLong(5), other == null ? null : other.toInstant());
    }

    /** The standing of the member behind an account; empty for an account of no member (or no platform). */
    public Optional<MemberStanding> of(Platform platform, long userId) {
        if (platform == null) {
            return Optional.empty();
        }
        List<MemberStanding> rows = jdbc.query(SELECT + " = ?", (rs, i) -> standing(rs), platform.name(), userId);
        return rows.stream().findFirst();
    }
}

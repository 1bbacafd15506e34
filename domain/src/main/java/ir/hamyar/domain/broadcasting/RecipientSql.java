package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that turns an audience into members and members into one chat each. Reads the runtime's
 * {@code conversation} table for chats the messenger refused ({@code unreachable_at}), by its chat key
 * ({@code <platform code>:<chat id>}).
 */
final class RecipientSql {

    private RecipientSql() {
    }

    /** The audience as a condition on {@code member m}, with its arguments. */
    record Filter(String sql, List<Object> args) {
    }

    static Filter audience(Audience audience) {
        if (audience instanceof Audience.AllMembers) {
            return new Filter("1 = 1", List.of());
        }
        if (audience instanceof Audience.InProvince p) {
            return new Filter("m.province_id = ?", List.of(p.provinceId()));
        }
        if (audience instanceof Audience.InCounty c) {
            return new Filter("m.county_id = ?", List.of(c.countyId()));
        }
        if (audience instanceof Audience.WithInterest i) {
            return new Filter("EXISTS (SELECT 1 FROM member_interest mi JOIN working_group g "
                    + "ON g.id = mi.working_group_id WHERE mi.member_id = m.id AND g.code = ?)",
                    List.of(i.workingGroupCode()));
        }
        throw new IllegalArgumentException("unhandled audience " + audience.getClass().getSimpleName());
    }

    static String preference(DeliveryKind kind) {
        return switch (kind) {
            case DECREE, REPORT_STATUS -> "1 = 1";
            case ANNOUNCEMENT -> "COALESCE(p.announcements, TRUE) = TRUE";
            case COURSE_NEWS -> "COALESCE(p.course_news, TRUE) = TRUE";
            case REMINDER -> "COALESCE(p.reminders, TRUE) = TRUE";
        };
    }

    static String chatKey(String account) {
        StringBuilder b = new StringBuilder("(CASE ").append(account).append(".platform");
        for (Platform p : Platform.values()) {
            b.append(" WHEN '").append(p.name()).append("' THEN '").append(p.code()).append(":'");
        }
        return b.append(" END || CAST(").append(account).append(".chat_id AS VARCHAR(20)))").toString();
    }

    static String unreachable(String account, String alias) {
        return "EXISTS (SELECT 1 FROM conversation " + alias + " WHERE " + alias + ".chat_key = " + chatKey(account)
                + " AND " + alias + ".unreachable_at IS NOT NULL)";
    }

    static RecipientQuery recipients(Audience audience, DeliveryKind kind, Instant now, QuietHours quiet) {
        Filter filter = audience(audience);
        List<Object> args = new ArrayList<>();
        // NULL means "as soon as possible" in the sender's own time; only a held message carries an instant.
        String notBefore = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        if (kind.optional() && quiet.contains(now)) {
            notBefore = "CASE WHEN COALESCE(p.quiet_hours, TRUE) = TRUE THEN CAST(? AS TIMESTAMP WITH TIME ZONE) "
                    + "ELSE CAST(NULL AS TIMESTAMP WITH TIME ZONE) END";
            args.add(utc(quiet.nextAllowed(now)));
        }
        String sql = "SELECT m.id AS member_id, a.platform AS platform, a.chat_id AS chat_id, m.locale AS locale, "
                + notBefore + " AS not_before "
                + "FROM member m JOIN member_account a ON a.member_id = m.id "
                + "LEFT JOIN member_preference p ON p.member_id = m.id "
                + "WHERE m.status = 'ACTIVE' AND (" + filter.sql() + ") AND (" + preference(kind) + ") "
                + "AND NOT " + unreachable("a", "ca") + " "
                // each member once: no other reachable account of theirs was seen more recently
                + "AND NOT EXISTS (SELECT 1 FROM member_account b WHERE b.member_id = m.id AND b.id <> a.id "
                + "AND (b.last_seen_at > a.last_seen_at OR (b.last_seen_at = a.last_seen_at AND b.id > a.id)) "
                + "AND NOT " + unreachable("b", "cb") + ")";
        args.addAll(filter.args());
        return new RecipientQuery(sql, args);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentStatus;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeStatus;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.domain.training.EnrolmentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * @param today the date in Tehran, against which appointment terms (Tehran calendar dates) are in force
     */
    static Filter audience(Audience audience, LocalDate today) {
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
        if (audience instanceof Audience.OfficeMembers o) {
            // Each scalar sub-query reads one office row and yields NULL unless the office has that level and is
            // active, so the condition is a plain lookup on member.province_id or member.county_id (both indexed).
            // A local centre matches neither: members record no neighbourhood (see Audience.OfficeMembers).
            String active = " AND o.status = '" + OfficeStatus.ACTIVE.name() + "')";
            return new Filter("(m.province_id = (SELECT o.province_id FROM office o WHERE o.id = ? AND o.level = '"
                    + OfficeLevel.PROVINCE.name() + "'" + active
                    + " OR m.county_id = (SELECT o.county_id FROM office o WHERE o.id = ? AND o.level = '"
                    + OfficeLevel.COUNTY.name() + "'" + active + ")",
                    List.of(o.officeId(), o.officeId()));
        }
        if (audience instanceof Audience.Managers g) {
            List<Object> args = new ArrayList<>(List.of(today, today));
            String sql = "EXISTS (SELECT 1 FROM appointment ap JOIN office o ON o.id = ap.office_id "
                    + "WHERE ap.member_id = m.id AND ap.role = '" + AppointmentRole.MANAGER.name() + "' "
                    + "AND ap.status = '" + AppointmentStatus.ACTIVE.name() + "' "
                    + "AND ap.term_start <= ? AND ap.term_end >= ?";
            if (g.provinceIdOrNull() != null) {
                sql += " AND o.province_id = ?";
                args.add(g.provinceIdOrNull());
            }
            return new Filter(sql + ")", args);
        }
        if (audience instanceof Audience.CourseEnrolees c) {
            String active = Arrays.stream(EnrolmentStatus.values()).filter(EnrolmentStatus::active)
                    .map(st -> "'" + st.name() + "'").collect(Collectors.joining(", "));
            return new Filter("EXISTS (SELECT 1 FROM enrolment e WHERE e.member_id = m.id AND e.course_id = ? "
                    + "AND e.status IN (" + active + "))", List.of(c.courseId()));
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
        Filter filter = audience(audience, today(now));
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

    /** The calendar date appointment terms are read in. */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, Appointments.ZONE);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

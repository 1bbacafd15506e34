package ir.hamyar.domain.appointments;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The appointment table through plain SQL: authority checks must read the current rows (no entity cache), and
 * they join offices and members, which belong to other modules.
 */
@Component
class AppointmentRows {

    private static final String COLUMNS = "a.id, a.member_id, a.office_id, a.role, a.status, a.term_start, "
            + "a.term_end, a.decree_no, a.issued_at, a.issued_by_member, a.renewal_of, a.ended_at, a.end_reason";

    private static final RowMapper<AppointmentView> VIEW = (rs, n) -> new AppointmentView(rs.getLong("id"),
            rs.getLong("member_id"), rs.getLong("office_id"), AppointmentRole.valueOf(rs.getString("role")),
            AppointmentStatus.valueOf(rs.getString("status")), rs.getObject("term_start", LocalDate.class),
            rs.getObject("term_end", LocalDate.class), rs.getString("decree_no"), instant(rs, "issued_at"),
            nullableLong(rs, "issued_by_member"), nullableLong(rs, "renewal_of"), instant(rs, "ended_at"),
            rs.getString("end_reason"));

    /** An appointment in force on a day: active and the day within its term. */
    private static final String IN_FORCE = " a.status = 'ACTIVE' AND a.term_start <= :today AND a.term_end >= :today ";

    private final JdbcClient jdbc;

    AppointmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Insert(long memberId, long officeId, AppointmentRole role, LocalDate termStart, LocalDate termEnd,
                  String decreeNo, Long issuedByMember, String issuedByAccount, Instant issuedAt, Long renewalOf) {
    }

    long insert(Insert a) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO appointment (member_id, office_id, role, status, term_start, term_end, decree_no,
                                                 issued_by_member, issued_by_account, issued_at, renewal_of)
                        VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.memberId(), a.officeId(), a.role().name(), a.termStart(), a.termEnd(), a.decreeNo(),
                        a.issuedByMember(), a.issuedByAccount(), utc(a.issuedAt()), a.renewalOf())
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new appointment");
        }
        return id.longValue();
    }

    Optional<AppointmentView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.id = ?").param(id).query(VIEW).optional();
    }

    Optional<AppointmentView> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.id = ? FOR UPDATE").param(id).query(VIEW)
                .optional();
    }

    List<AppointmentView> activeOfMember(long memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.member_id = ? AND a.status = 'ACTIVE' "
                + "ORDER BY a.term_start, a.id").param(memberId).query(VIEW).list();
    }

    List<AppointmentView> activeInOffice(long officeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.office_id = ? AND a.status = 'ACTIVE' "
                + "ORDER BY CASE a.role WHEN 'MANAGER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, a.id")
                .param(officeId).query(VIEW).list();
    }

    List<AppointmentView> ofMember(long memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.member_id = ? ORDER BY a.issued_at DESC, "
                + "a.id DESC").param(memberId).query(VIEW).list();
    }

    boolean holdsActiveRole(long memberId, long officeId) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE member_id = ? AND office_id = ? AND status = 'ACTIVE'")
                .params(memberId, officeId).query(Long.class).single() > 0;
    }

    boolean hasActiveManager(long officeId) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE office_id = ? AND status = 'ACTIVE' "
                + "AND role = 'MANAGER'").param(officeId).query(Long.class).single() > 0;
    }

    /**
     * Manager powers over an office: a manager or deputy of it, or the manager of its province's active
     * province office — in force today, held by an active member.
     */
    boolean isManagerOf(long memberId, long officeId, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FROM appointment a
                          JOIN office o ON o.id = a.office_id
                          JOIN member m ON m.id = a.member_id
                         WHERE a.member_id = :member AND m.status = 'ACTIVE' AND """ + IN_FORCE + """
                           AND ((a.office_id = :office AND a.role IN ('MANAGER', 'DEPUTY'))
                             OR (a.role = 'MANAGER' AND o.level = 'PROVINCE' AND o.status = 'ACTIVE'
                                 AND o.province_id = (SELECT t.province_id FROM office t WHERE t.id = :office)))""")
                .param("member", memberId).param("office", officeId).param("today", today)
                .query(Long.class).single() > 0;
    }

    /** Members with manager powers of this very office (managers first), in force today. */
    List<Long> managersOf(long officeId, LocalDate today) {
        return jdbc.sql("""
                        SELECT a.member_id FROM appointment a JOIN member m ON m.id = a.member_id
                         WHERE a.office_id = :office AND a.role IN ('MANAGER', 'DEPUTY') AND m.status = 'ACTIVE'
                           AND """ + IN_FORCE + """
                         ORDER BY CASE a.role WHEN 'MANAGER' THEN 0 ELSE 1 END, a.id""")
                .param("office", officeId).param("today", today).query(Long.class).list().stream()
                .distinct().toList();
    }

    /** Offices where the member has manager powers of that very office, in force today. */
    List<Long> officesManagedBy(long memberId, LocalDate today) {
        return jdbc.sql("SELECT DISTINCT a.office_id FROM appointment a WHERE a.member_id = :member "
                        + "AND a.role IN ('MANAGER', 'DEPUTY') AND " + IN_FORCE + " ORDER BY a.office_id")
                .param("member", memberId).param("today", today).query(Long.class).list();
    }

    /** Ends an active appointment; false when it was not active any more. */
    boolean end(long id, AppointmentStatus status, Instant at, String reason) {
        return jdbc.sql("UPDATE appointment SET status = ?, ended_at = ?, end_reason = ? "
                        + "WHERE id = ? AND status = 'ACTIVE'")
                .params(status.name(), utc(at), reason, id).update() == 1;
    }

    List<AppointmentView> activeEndedBefore(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.status = 'ACTIVE' AND a.term_end < ? "
                + "ORDER BY a.id").param(today).query(VIEW).list();
    }

    /** Active appointments ending on or before {@code until} whose reminder of that kind has not gone out. */
    List<AppointmentView> dueForReminder(LocalDate until, boolean last) {
        String column = last ? "reminded_7_at" : "reminded_30_at";
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.status = 'ACTIVE' AND a.term_end <= ? "
                + "AND a." + column + " IS NULL ORDER BY a.id").param(until).query(VIEW).list();
    }

    /** Marks a reminder sent (the last one also counts as the first); false if another run already did. */
    boolean markReminded(long id, boolean last, Instant at) {
        String sql = last
                ? "UPDATE appointment SET reminded_7_at = ?, reminded_30_at = COALESCE(reminded_30_at, ?) "
                        + "WHERE id = ? AND reminded_7_at IS NULL"
                : "UPDATE appointment SET reminded_30_at = ? WHERE id = ? AND reminded_30_at IS NULL";
        return (last ? jdbc.sql(sql).params(utc(at), utc(at), id) : jdbc.sql(sql).params(utc(at), id)).update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package ir.hamyar.domain.training;

import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training tables, in plain SQL: seat counting and the course row lock are clearer here than through an
 * ORM, and nothing has to be flushed before a count.
 */
@Component
class TrainingRows {

    private static final String HOLDING = "('ENROLLED', 'OFFERED', 'PENDING_APPROVAL')";
    private static final String COURSE_COLUMNS = """
            c.id, c.title, c.description, c.level, c.offering_office_id, c.mode, c.location, c.capacity,
            c.enrolment_deadline, c.cancellation_deadline, c.audience, c.audience_region_id, c.needs_approval,
            c.status, c.allowed_absences, c.created_by, c.creator_platform, c.creator_user_id, c.created_at,
            c.results_confirmed_at,
            (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status IN %s) AS seats_taken,
            (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status = 'WAITLISTED') AS waiting
            """.formatted(HOLDING);

    private final JdbcTemplate jdbc;

    TrainingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    // ---- courses ----

    long insertCourse(NewCourse c, int allowedAbsences, Instant cancellationDeadline, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO course (title, description, level, offering_office_id, mode, location, capacity,
                        enrolment_deadline, cancellation_deadline, audience, audience_region_id, needs_approval, status,
                        allowed_absences, created_by, creator_platform, creator_user_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, c.title());
            ps.setString(2, c.description());
            ps.setString(3, c.level().name());
            setLong(ps, 4, c.officeId());
            ps.setString(5, c.mode().name());
            ps.setString(6, c.location());
            ps.setInt(7, c.capacity());
            ps.setObject(8, utc(c.enrolmentDeadline()));
            ps.setObject(9, utc(cancellationDeadline));
            ps.setString(10, c.audience().name());
            if (c.audience() == Audience.ALL) {
                ps.setNull(11, Types.INTEGER);
            } else {
                ps.setInt(11, c.audienceRegionId());
            }
            ps.setBoolean(12, c.needsApproval());
            ps.setInt(13, allowedAbsences);
            setLong(ps, 14, c.creator().memberId());
            ps.setString(15, c.creator().platform().name());
            ps.setLong(16, c.creator().userId());
            ps.setObject(17, utc(now));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        for (NewCourse.NewSession s : c.sessions()) {
            jdbc.update("INSERT INTO course_session (course_id, starts_at, duration_minutes) VALUES (?, ?, ?)",
                    id, utc(s.startsAt()), s.durationMinutes());
        }
        return id;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Locks the course row until the transaction ends: enrolments and seat changes of one course queue here. */
    boolean lockCourse(long courseId) {
        return !jdbc.queryForList("SELECT id FROM course WHERE id = ? FOR UPDATE", Long.class, courseId).isEmpty();
    }

    Optional<CourseView> course(long courseId) {
        List<CourseView> found = jdbc.query("SELECT " + COURSE_COLUMNS + " FROM course c WHERE c.id = ?",
                courseMapper(), courseId);
        return found.isEmpty() ? Optional.empty() : Optional.of(withSessions(found.get(0)));
    }

    private CourseView withSessions(CourseView c) {
        return new CourseView(c.id(), c.title(), c.description(), c.level(), c.officeId(), c.mode(), c.location(),
                c.capacity(), c.seatsTaken(), c.waiting(), c.enrolmentDeadline(), c.cancellationDeadline(),
                c.audience(), c.audienceRegionId(), c.needsApproval(), c.status(), c.allowedAbsences(), c.createdBy(),
                c.creatorPlatform(), c.creatorUserId(), c.createdAt(), c.resultsConfirmedAt(), sessions(c.id()));
    }

    List<SessionView> sessions(long courseId) {
        List<SessionView> result = new ArrayList<>();
        jdbc.query("SELECT id, starts_at, duration_minutes FROM course_session WHERE course_id = ? ORDER BY starts_at, id",
                rs -> {
                    result.add(new SessionView(rs.getLong("id"), courseId, result.size() + 1,
                            instant(rs, "starts_at"), rs.getInt("duration_minutes")));
                }, courseId);
        return result;
    }

    Optional<SessionView> session(long sessionId) {
        List<Long> course = jdbc.queryForList("SELECT course_id FROM course_session WHERE id = ?", Long.class, sessionId);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        return sessions(course.get(0)).stream().filter(s -> s.id() == sessionId).findFirst();
    }

    /** Open courses this member may join, nearest next session first, then newest. */
    List<CourseView> openFor(Integer provinceId, Integer countyId, Instant now, int offset, int limit) {
        List<CourseView> page = jdbc.query("SELECT " + COURSE_COLUMNS + """
                , (SELECT min(s.starts_at) FROM course_session s WHERE s.course_id = c.id AND s.starts_at > ?) AS next_at
                FROM course c
                WHERE c.status = 'OPEN' AND c.enrolment_deadline > ?
                  AND (c.audience = 'ALL' OR (c.audience = 'PROVINCE' AND c.audience_region_id = ?)
                       OR (c.audience = 'COUNTY' AND c.audience_region_id = ?))
                ORDER BY next_at ASC NULLS LAST, c.created_at DESC, c.id DESC
                LIMIT ? OFFSET ?""", courseMapper(), utc(now), utc(now), provinceId == null ? -1 : provinceId,
                countyId == null ? -1 : countyId, limit, offset);
        return page.stream().map(this::withSessions).toList();
    }

    /** Courses run by these offices or created by this account, not yet finished long ago: newest first. */
    List<CourseView> managedBy(List<Long> officeIds, Long memberId, Platform platform, long userId, boolean all) {
        StringBuilder where = new StringBuilder("(c.creator_platform = ? AND c.creator_user_id = ?)");
        List<Object> args = new ArrayList<>(List.of(platform.name(), userId));
        if (memberId != null) {
            where.append(" OR c.created_by = ?");
            args.add(memberId);
        }
        for (Long office : officeIds) {
            where.append(" OR c.offering_office_id = ?");
            args.add(office);
        }
        String filter = all ? "TRUE" : "(" + where + ")";
        if (all) {
            args.clear();
        }
        return jdbc.query("SELECT " + COURSE_COLUMNS + " FROM course c WHERE c.status <> 'CANCELLED' AND " + filter
                        + " AND (c.results_confirmed_at IS NULL) ORDER BY c.created_at DESC, c.id DESC LIMIT 20",
                courseMapper(), args.toArray()).stream().map(this::withSessions).toList();
    }

    private static RowMapper<CourseView> courseMapper() {
        return (rs, n) -> new CourseView(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                CourseLevel.valueOf(rs.getString("level")), nullableLong(rs, "offering_office_id"),
                CourseMode.valueOf(rs.getString("mode")), rs.getString("location"), rs.getInt("capacity"),
                rs.getInt("seats_taken"), rs.getInt("waiting"), instant(rs, "enrolment_deadline"),
                instant(rs, "cancellation_deadline"), Audience.valueOf(rs.getString("audience")),
                rs.getObject("audience_region_id") == null ? null : rs.getInt("audience_region_id"),
                rs.getBoolean("needs_approval"), CourseStatus.valueOf(rs.getString("status")),
                rs.getInt("allowed_absences"), nullableLong(rs, "created_by"),
                Platform.valueOf(rs.getString("creator_platform")), rs.getLong("creator_user_id"),
                instant(rs, "created_at"), instant(rs, "results_confirmed_at"), List.of());
    }

    void setCourseStatus(long courseId, CourseStatus status) {
        jdbc.update("UPDATE course SET status = ? WHERE id = ?", status.name(), courseId);
    }

    void finishCourse(long courseId, Instant at) {
        jdbc.update("UPDATE course SET status = 'FINISHED', ended_at = ? WHERE id = ?", utc(at), courseId);
    }

    void confirmResults(long courseId, Instant at) {
        jdbc.update("UPDATE course SET results_confirmed_at = ? WHERE id = ?", utc(at), courseId);
    }

    void updateCourseColumn(long courseId, String column, Object value) {
        // column names come from this module's code only, never from input
        jdbc.update("UPDATE course SET " + column + " = ? WHERE id = ?", value, courseId);
    }

    /** Courses still running whose every session has started by {@code now}: candidates to end. */
    List<Long> runningWithAllSessionsStarted(Instant now) {
        return jdbc.queryForList("""
                SELECT c.id FROM course c WHERE c.status IN ('OPEN', 'CLOSED')
                  AND EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = c.id AND s.starts_at > ?)
                ORDER BY c.id""", Long.class, utc(now));
    }

    List<Long> finishedUnconfirmedBefore(Instant endedBefore) {
        return jdbc.queryForList("SELECT id FROM course WHERE status = 'FINISHED' AND results_confirmed_at IS NULL"
                + " AND ended_at <= ? ORDER BY id", Long.class, utc(endedBefore));
    }

    // ---- enrolments ----

    private static final RowMapper<EnrolmentView> ENROLMENT = (rs, n) -> new EnrolmentView(rs.getLong("id"),
            rs.getLong("course_id"), rs.getLong("member_id"), EnrolmentStatus.valueOf(rs.getString("status")),
            null, instant(rs, "offer_expires_at"), instant(rs, "created_at"));

    Optional<EnrolmentView> enrolment(long courseId, long memberId) {
        List<EnrolmentView> found = jdbc.query("SELECT * FROM enrolment WHERE course_id = ? AND member_id = ?",
                ENROLMENT, courseId, memberId);
        return found.isEmpty() ? Optional.empty() : Optional.of(withPosition(found.get(0)));
    }

    private EnrolmentView withPosition(EnrolmentView e) {
        if (e.status() != EnrolmentStatus.WAITLISTED) {
            return e;
        }
        Integer ahead = jdbc.queryForObject("""
                SELECT count(*) FROM enrolment w WHERE w.course_id = ? AND w.status = 'WAITLISTED'
                  AND w.position <= (SELECT position FROM enrolment WHERE id = ?)""", Integer.class, e.courseId(), e.id());
        return new EnrolmentView(e.id(), e.courseId(), e.memberId(), e.status(), ahead, e.offerExpiresAt(), e.createdAt());
    }

    List<EnrolmentView> enrolmentsOf(long memberId) {
        return jdbc.query("SELECT * FROM enrolment WHERE member_id = ? ORDER BY created_at DESC, id DESC LIMIT 30",
                ENROLMENT, memberId).stream().map(this::withPosition).toList();
    }

    int seatsTaken(long courseId) {
        return jdbc.queryForObject("SELECT count(*) FROM enrolment WHERE course_id = ? AND status IN " + HOLDING,
                Integer.class, courseId);
    }

    int waiting(long courseId) {
        return jdbc.queryForObject("SELECT count(*) FROM enrolment WHERE course_id = ? AND status = 'WAITLISTED'",
                Integer.class, courseId);
    }

    long nextPosition(long courseId) {
        Long max = jdbc.queryForObject("SELECT max(position) FROM enrolment WHERE course_id = ?", Long.class, courseId);
        return max == null ? 1 : max + 1;
    }

    void insertEnrolment(long courseId, long memberId, EnrolmentStatus status, Long position, Instant now) {
        jdbc.update("INSERT INTO enrolment (course_id, member_id, status, position, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", courseId, memberId, status.name(), position, utc(now), utc(now));
    }

    void setEnrolment(long enrolmentId, EnrolmentStatus status, Long position, Instant offerExpiresAt, Instant now) {
        jdbc.update("UPDATE enrolment SET status = ?, position = ?, offer_expires_at = ?, updated_at = ? WHERE id = ?",
                status.name(), position, utc(offerExpiresAt), utc(now), enrolmentId);
    }

    Optional<EnrolmentView> firstWaiting(long courseId) {
        List<EnrolmentView> found = jdbc.query("SELECT * FROM enrolment WHERE course_id = ? AND status = 'WAITLISTED'"
                + " ORDER BY position, id LIMIT 1", ENROLMENT, courseId);
        return found.stream().findFirst();
    }

    List<EnrolmentView> expiredOffers(Instant now) {
        return jdbc.query("SELECT * FROM enrolment WHERE status = 'OFFERED' AND offer_expires_at <= ? ORDER BY id",
                ENROLMENT, utc(now));
    }

    List<EnrolmentView> inCourse(long courseId, List<EnrolmentStatus> statuses) {
        String in = String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.query("SELECT * FROM enrolment WHERE course_id = ? AND status IN (" + in + ") ORDER BY id",
                ENROLMENT, courseId);
    }

    List<EnrolmentView> activeOfMember(long memberId) {
        return jdbc.query("SELECT * FROM enrolment WHERE member_id = ? AND status IN "
                + "('ENROLLED', 'WAITLISTED', 'OFFERED', 'PENDING_APPROVAL') ORDER BY id", ENROLMENT, memberId);
    }

    boolean hasConfirmedCompletion(long memberId) {
        return !jdbc.queryForList("""
                SELECT e.id FROM enrolment e JOIN course c ON c.id = e.course_id
                WHERE e.member_id = ? AND e.status = 'COMPLETED' AND c.results_confirmed_at IS NOT NULL
                LIMIT 1""", Long.class, memberId).isEmpty();
    }

    // ---- attendance ----

    /** Sets a mark; the update-then-insert pair works on both databases (H2 has no ON CONFLICT DO UPDATE). */
    void mark(long sessionId, long memberId, AttendanceMark mark, Long markedBy, Instant now) {
        String update = "UPDATE attendance SET status = ?, marked_by = ?, marked_at = ? WHERE session_id = ? AND member_id = ?";
        if (jdbc.update(update, mark.name(), markedBy, utc(now), sessionId, memberId) > 0) {
            return;
        }
        int inserted = jdbc.update("INSERT INTO attendance (session_id, member_id, status, marked_by, marked_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", sessionId, memberId, mark.name(), markedBy, utc(now));
        if (inserted == 0) {
            jdbc.update(update, mark.name(), markedBy, utc(now), sessionId, memberId);
        }
    }

    void recordNoShow(long sessionId, long memberId, Instant now) {
        jdbc.update("INSERT INTO attendance (session_id, member_id, status, marked_by, marked_at)"
                + " VALUES (?, ?, 'ABSENT', NULL, ?) ON CONFLICT DO NOTHING", sessionId, memberId, utc(now));
    }

    Map<Long, AttendanceMark> marks(long sessionId) {
        Map<Long, AttendanceMark> m = new HashMap<>();
        jdbc.query("SELECT member_id, status FROM attendance WHERE session_id = ?",
                rs -> {
                    m.put(rs.getLong("member_id"), AttendanceMark.valueOf(rs.getString("status")));
                }, sessionId);
        return m;
    }

    int presences(long courseId, long memberId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM attendance a JOIN course_session s ON s.id = a.session_id
                WHERE s.course_id = ? AND a.member_id = ? AND a.status = 'PRESENT'""", Integer.class, courseId, memberId);
    }

    // ---- reminders ----

    /** Enrolled members of sessions starting in {@code (from, to]} who have not opted out and not had this kind. */
    List<Reminder> dueReminders(Instant from, Instant to, ReminderKind kind) {
        return jdbc.query("""
                SELECT e.member_id, c.id AS course_id, s.id AS session_id, c.title, s.starts_at, c.mode, c.location
                FROM course_session s
                JOIN course c ON c.id = s.course_id
                JOIN enrolment e ON e.course_id = c.id AND e.status = 'ENROLLED'
                WHERE s.starts_at > ? AND s.starts_at <= ? AND c.status IN ('OPEN', 'CLOSED')
                  AND NOT EXISTS (SELECT 1 FROM member_training_pref p WHERE p.member_id = e.member_id AND p.reminders_off)
                  AND NOT EXISTS (SELECT 1 FROM training_reminder r
                                  WHERE r.session_id = s.id AND r.member_id = e.member_id AND r.kind = ?)
                ORDER BY s.starts_at, e.member_id""", (rs, n) -> new Reminder(rs.getLong("member_id"),
                rs.getLong("course_id"), rs.getLong("session_id"), kind, rs.getString("title"),
                instant(rs, "starts_at"), CourseMode.valueOf(rs.getString("mode")), rs.getString("location")),
                utc(from), utc(to), kind.name());
    }

    /** Claims a reminder; false when another run already claimed it. */
    boolean claimReminder(long sessionId, long memberId, ReminderKind kind, Instant now) {
        return jdbc.update("INSERT INTO training_reminder (session_id, member_id, kind, sent_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", sessionId, memberId, kind.name(), utc(now)) == 1;
    }

    boolean remindersOff(long memberId) {
        return !jdbc.queryForList("SELECT member_id FROM member_training_pref WHERE member_id = ? AND reminders_off",
                Long.class, memberId).isEmpty();
    }

    void setRemindersOff(long memberId, boolean off) {
        if (jdbc.update("UPDATE member_training_pref SET reminders_off = ? WHERE member_id = ?", off, memberId) == 0) {
            jdbc.update("INSERT INTO member_training_pref (member_id, reminders_off) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    memberId, off);
        }
    }

    void deletePreferences(long memberId) {
        jdbc.update("DELETE FROM member_training_pref WHERE member_id = ?", memberId);
    }

    // ---- certificates ----

    private static final String CERTIFICATE = """
            SELECT k.id, k.code, k.member_id, k.course_id, k.holder_name, k.issued_at, c.title,
              (SELECT min(s.starts_at) FROM course_session s WHERE s.course_id = c.id) AS first_at,
              (SELECT max(s.starts_at) FROM course_session s WHERE s.course_id = c.id) AS last_at
            FROM certificate k JOIN course c ON c.id = k.course_id
            """;

    private static final RowMapper<CertificateView> CERT = (rs, n) -> new CertificateView(rs.getLong("id"),
            rs.getString("code"), rs.getLong("member_id"), rs.getLong("course_id"), rs.getString("holder_name"),
            rs.getString("title"), instant(rs, "first_at"), instant(rs, "last_at"), instant(rs, "issued_at"));

    /** The new certificate's id, or empty when the code is taken (or the member already holds one for the course). */
    Optional<Long> insertCertificate(String code, long memberId, long courseId, String holderName, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO certificate (code, member_id, course_id,"
                    + " holder_name, issued_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", new String[] {"id"});
            ps.setString(1, code);
            ps.setLong(2, memberId);
            ps.setLong(3, courseId);
            ps.setString(4, holderName);
            ps.setObject(5, utc(now));
            return ps;
        }, keys);
        return rows == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
    }

    Optional<Long> certificateIdOf(long memberId, long courseId) {
        return jdbc.queryForList("SELECT id FROM certificate WHERE member_id = ? AND course_id = ?", Long.class,
                memberId, courseId).stream().findFirst();
    }

    Optional<CertificateView> certificate(long id) {
        return jdbc.query(CERTIFICATE + " WHERE k.id = ?", CERT, id).stream().findFirst();
    }

    Optional<CertificateView> validCertificateByCode(String code) {
        return jdbc.query(CERTIFICATE + " WHERE k.code = ? AND k.revoked_at IS NULL AND k.holder_name IS NOT NULL",
                CERT, code).stream().findFirst();
    }

    List<CertificateView> certificatesOf(long memberId) {
        return jdbc.query(CERTIFICATE + " WHERE k.member_id = ? AND k.revoked_at IS NULL ORDER BY k.issued_at DESC",
                CERT, memberId);
    }

    void revokeCertificate(long memberId, long courseId, Instant now) {
        jdbc.update("UPDATE certificate SET revoked_at = ? WHERE member_id = ? AND course_id = ? AND revoked_at IS NULL",
                utc(now), memberId, courseId);
    }

    void eraseCertificateHolder(long memberId, Instant now) {
        jdbc.update("UPDATE certificate SET holder_name = NULL, revoked_at = COALESCE(revoked_at, ?) WHERE member_id = ?",
                utc(now), memberId);
    }
}

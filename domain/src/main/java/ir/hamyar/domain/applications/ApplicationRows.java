package ir.hamyar.domain.applications;

import ir.hamyar.domain.offices.OfficeLevel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Founding applications through plain SQL (race-safe insert, row locks for decisions). */
@Component
class ApplicationRows {

    private final JdbcClient jdbc;

    ApplicationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String trackingNo(long id) {
        return String.format("F%06d", id);
    }

    /** The id of a tracking number as typed ("F000042", "f42", "42"); empty for anything else. */
    static Optional<Long> idOf(String trackingNo) {
        if (trackingNo == null) {
            return Optional.empty();
        }
        String s = trackingNo.strip();
        if (s.startsWith("F") || s.startsWith("f")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private record Row(long id, long founderId, OfficeLevel level, int provinceId, int countyId, String neighbourhood,
                       String proposedName, String spaceAddress, SpaceTenure tenure, String background,
                       ApplicationStatus status, Instant submittedAt, Instant updatedAt, Instant waitingSince,
                       String question, String answer, String decisionReason, Long officeId, String permitNo) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> {
        long office = rs.getLong("office_id");
        Long officeId = rs.wasNull() ? null : office;
        return new Row(rs.getLong("id"), rs.getLong("founder_id"), OfficeLevel.valueOf(rs.getString("level")),
                rs.getInt("province_id"), rs.getInt("county_id"), rs.getString("neighbourhood"),
                rs.getString("proposed_name"), rs.getString("space_address"),
                SpaceTenure.valueOf(rs.getString("space_tenure")), rs.getString("background"),
                ApplicationStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
                instant(rs, "updated_at"), instant(rs, "waiting_since"), rs.getString("question"),
                rs.getString("answer"), rs.getString("decision_reason"), officeId, rs.getString("permit_no"));
    };

    record Insert(long founderId, OfficeLevel level, int provinceId, int countyId, String neighbourhood,
                  String openSlot, String proposedName, String spaceAddress, SpaceTenure tenure, String background,
                  Instant at) {
    }

    /** The new application's id, or empty when the founder already has an open one for the county. */
    OptionalLong insert(Insert a) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                        INSERT INTO founding_application (founder_id, level, province_id, county_id, neighbourhood,
                            open_slot, proposed_name, space_address, space_tenure, background, principles_at, status,
                            submitted_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(a.founderId(), a.level().name(), a.provinceId(), a.countyId(), a.neighbourhood(),
                        a.openSlot(), a.proposedName(), a.spaceAddress(), a.tenure().name(), a.background(),
                        utc(a.at()), utc(a.at()), utc(a.at()))
                .update(keys, "id");
        if (rows == 0) {
            return OptionalLong.empty();
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new application");
        }
        return OptionalLong.of(id.longValue());
    }

    boolean openSlotTaken(String slot) {
        return jdbc.sql("SELECT count(*) FROM founding_application WHERE open_slot = ?").param(slot)
                .query(Long.class).single() > 0;
    }

    void insertCofounder(long applicationId, long memberId) {
        jdbc.sql("INSERT INTO founding_cofounder (application_id, member_id, status) VALUES (?, ?, 'INVITED')")
                .params(applicationId, memberId).update();
    }

    /** Records a co-founder's answer; false when they were not invited or already answered. */
    boolean respond(long applicationId, long memberId, boolean confirmed, Instant at) {
        return jdbc.sql("UPDATE founding_cofounder SET status = ?, responded_at = ? "
                        + "WHERE application_id = ? AND member_id = ? AND status = 'INVITED'")
                .params(confirmed ? "CONFIRMED" : "DECLINED", utc(at), applicationId, memberId).update() == 1;
    }

    boolean invited(long applicationId, long memberId) {
        return jdbc.sql("SELECT count(*) FROM founding_cofounder WHERE application_id = ? AND member_id = ?")
                .params(applicationId, memberId).query(Long.class).single() > 0;
    }

    Optional<ApplicationView> find(long id) {
        return jdbc.sql("SELECT * FROM founding_application WHERE id = ?").param(id).query(ROW).optional()
                .map(this::view);
    }

    Optional<ApplicationView> lock(long id) {
        return jdbc.sql("SELECT * FROM founding_application WHERE id = ? FOR UPDATE").param(id).query(ROW).optional()
                .map(this::view);
    }

    List<ApplicationView> ofFounder(long founderId) {
        return jdbc.sql("SELECT * FROM founding_application WHERE founder_id = ? ORDER BY id DESC").param(founderId)
                .query(ROW).list().stream().map(this::view).toList();
    }

    List<ApplicationView> open(Integer provinceIdOrNull) {
        String where = provinceIdOrNull == null ? "" : " AND province_id = " + provinceIdOrNull.intValue();
        return jdbc.sql("SELECT * FROM founding_application WHERE status IN ('SUBMITTED', 'WAITING_FOR_APPLICANT')"
                + where + " ORDER BY id").query(ROW).list().stream().map(this::view).toList();
    }

    List<Long> waitingSinceBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM founding_application WHERE status = 'WAITING_FOR_APPLICANT' "
                + "AND waiting_since <= ? ORDER BY id").param(utc(cutoff)).query(Long.class).list();
    }

    void askApplicant(long id, String question, Instant at) {
        jdbc.sql("UPDATE founding_application SET status = 'WAITING_FOR_APPLICANT', question = ?, waiting_since = ?, "
                + "updated_at = ? WHERE id = ?").params(question, utc(at), utc(at), id).update();
    }

    void answered(long id, String answer, Instant at) {
        jdbc.sql("UPDATE founding_application SET status = 'SUBMITTED', answer = ?, waiting_since = NULL, "
                + "updated_at = ? WHERE id = ?").params(answer, utc(at), id).update();
    }

    /** Closes an open application with a final status. */
    void close(long id, ApplicationStatus status, String reason, Long officeId, String permitNo, Instant at) {
        jdbc.sql("UPDATE founding_application SET status = ?, open_slot = NULL, waiting_since = NULL, "
                        + "decision_reason = ?, office_id = ?, permit_no = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), reason, officeId, permitNo, utc(at), id).update();
    }

    private ApplicationView view(Row r) {
        List<ApplicationView.Cofounder> cofounders = jdbc.sql("SELECT member_id, status FROM founding_cofounder "
                        + "WHERE application_id = ? ORDER BY member_id").param(r.id())
                .query((rs, n) -> new ApplicationView.Cofounder(rs.getLong("member_id"),
                        CofounderStatus.valueOf(rs.getString("status")))).list();
        return new ApplicationView(r.id(), trackingNo(r.id()), r.founderId(), r.level(), r.provinceId(), r.countyId(),
                r.neighbourhood(), r.proposedName(), r.spaceAddress(), r.tenure(), r.background(), r.status(),
                r.submittedAt(), r.updatedAt(), r.waitingSince(), r.question(), r.answer(), r.decisionReason(),
                r.officeId(), r.permitNo(), cofounders);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

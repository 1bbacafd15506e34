package ir.hamyar.domain.reporting;

import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.List;
import java.util.OptionalLong;

/**
 * The plain rows around a report: its insert (unique tracking code, {@code ON CONFLICT DO NOTHING} so a
 * clash is a retry, not a doomed transaction), photos, history, supports, notes, alert cards, categories.
 */
@Component
class ReportStore {

    private static final String INSERT_REPORT = """
            INSERT INTO problem_report (tracking_code, reporter_id, category_code, title, description, latitude,
                                        longitude, address, county_id, neighbourhood, show_name, office_id, status,
                                        created_at, awaiting_since, escalation_level, followup_sent, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, 0, FALSE, 0)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new report's id, or empty when the tracking code is taken. */
    OptionalLong insert(String code, NewReport r, int countyId, Long officeId, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(INSERT_REPORT, new String[] {"id"});
            ps.setString(1, code);
            ps.setLong(2, r.reporterId());
            ps.setString(3, r.category());
            ps.setString(4, r.title());
            ps.setString(5, r.description());
            setDouble(ps, 6, r.latitude());
            setDouble(ps, 7, r.longitude());
            ps.setString(8, r.address());
            ps.setInt(9, countyId);
            ps.setString(10, r.neighbourhood());
            ps.setBoolean(11, r.showName());
            if (officeId == null) {
                ps.setNull(12, Types.BIGINT);
            } else {
                ps.setLong(12, officeId);
            }
            ps.setObject(13, utc(at));
            ps.setObject(14, utc(at));
            return ps;
        }, keys);
        if (rows == 0) {
            return OptionalLong.empty();
        }
        Number id = (Number) keys.getKeys().get("id");
        return OptionalLong.of(id.longValue());
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    // ---- photos ----

    void insertPhotos(long reportId, List<ReportPhoto> photos) {
        for (int i = 0; i < photos.size(); i++) {
            jdbc.update("INSERT INTO report_photo (report_id, position, platform, file_id) VALUES (?, ?, ?, ?)",
                    reportId, i, photos.get(i).platform().name(), photos.get(i).fileId());
        }
    }

    List<ReportPhoto> photos(long reportId) {
        return jdbc.query("SELECT platform, file_id FROM report_photo WHERE report_id = ? ORDER BY position",
                (rs, n) -> new ReportPhoto(Platform.valueOf(rs.getString("platform")), rs.getString("file_id")),
                reportId);
    }

    // ---- history ----

    void history(long reportId, Instant at, Long actorId, ReportAction action, ReportStatus from, ReportStatus to,
                 Long officeId, String note) {
        jdbc.update("INSERT INTO report_history (report_id, at, actor_id, action, from_status, to_status, office_id,"
                        + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reportId, utc(at), actorId, action.name(),
                from == null ? null : from.name(), to == null ? null : to.name(), officeId, note);
    }

    List<HistoryEntry> history(long reportId) {
        return jdbc.query("SELECT at, actor_id, action, from_status, to_status, office_id, note FROM report_history"
                + " WHERE report_id = ? ORDER BY id", (rs, n) -> new HistoryEntry(instant(rs, "at"),
                nullableLong(rs, "actor_id"), ReportAction.valueOf(rs.getString("action")),
                status(rs.getString("from_status")), status(rs.getString("to_status")),
                nullableLong(rs, "office_id"), rs.getString("note")), reportId);
    }

    private static ReportStatus status(String s) {
        return s == null ? null : ReportStatus.valueOf(s);
    }

    // ---- supports ----

    boolean insertSupport(long reportId, long memberId, Instant at) {
        return jdbc.update("INSERT INTO report_support (report_id, member_id, at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", reportId, memberId, utc(at)) > 0;
    }

    long supporters(long reportId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM report_support WHERE report_id = ?", Long.class, reportId);
        return n == null ? 0 : n;
    }

    // ---- notes ----

    long insertNote(long reportId, Long authorId, String body, boolean isPublic, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO report_note (report_id, author_id, body,"
                    + " is_public, created_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, reportId);
            if (authorId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, authorId);
            }
            ps.setString(3, body);
            ps.setBoolean(4, isPublic);
            ps.setObject(5, utc(at));
            return ps;
        }, keys);
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    List<NoteView> notes(long reportId) {
        return jdbc.query("SELECT id, report_id, author_id, body, is_public, created_at FROM report_note"
                + " WHERE report_id = ? ORDER BY id", (rs, n) -> new NoteView(rs.getLong("id"), rs.getLong("report_id"),
                nullableLong(rs, "author_id"), rs.getString("body"), rs.getBoolean("is_public"),
                instant(rs, "created_at")), reportId);
    }

    // ---- alert cards ----

    void insertCard(long reportId, Platform platform, long chatId, long messageId) {
        jdbc.update("INSERT INTO report_card (report_id, platform, chat_id, message_id) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", reportId, platform.name(), chatId, messageId);
    }

    List<AlertCard> cards(long reportId) {
        return jdbc.query("SELECT platform, chat_id, message_id FROM report_card WHERE report_id = ?"
                        + " ORDER BY platform, chat_id, message_id",
                (rs, n) -> new AlertCard(Platform.valueOf(rs.getString("platform")), rs.getLong("chat_id"),
                        rs.getLong("message_id")), reportId);
    }

    void deleteCards(long reportId) {
        jdbc.update("DELETE FROM report_card WHERE report_id = ?", reportId);
    }

    // ---- categories ----

    List<String> activeCategories() {
        return jdbc.queryForList("SELECT code FROM report_category WHERE active = TRUE ORDER BY sort_order, code",
                String.class);
    }

    boolean categoryActive(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM report_category WHERE code = ? AND active = TRUE",
                Integer.class, code);
        return n != null && n > 0;
    }

    List<CategoryView> allCategories() {
        return jdbc.query("SELECT code, sort_order, active FROM report_category ORDER BY sort_order, code",
                (rs, n) -> new CategoryView(rs.getString("code"), rs.getInt("sort_order"), rs.getBoolean("active")));
    }

    int maxCategoryOrder() {
        Integer max = jdbc.queryForObject("SELECT COALESCE(MAX(sort_order), 0) FROM report_category", Integer.class);
        return max == null ? 0 : max;
    }

    /** Adds a category or changes an existing one's order and activity. */
    void upsertCategory(String code, int sortOrder, boolean active) {
        int updated = jdbc.update("UPDATE report_category SET sort_order = ?, active = ? WHERE code = ?",
                sortOrder, active, code);
        if (updated == 0) {
            jdbc.update("INSERT INTO report_category (code, sort_order, active) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    code, sortOrder, active);
        }
    }

    // ---- erasure ----

    /** The ids of the member's reports, then their reporter cleared. */
    List<Long> anonymise(long memberId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM problem_report WHERE reporter_id = ? ORDER BY id",
                Long.class, memberId);
        jdbc.update("UPDATE problem_report SET reporter_id = NULL, show_name = FALSE, version = version + 1"
                + " WHERE reporter_id = ?", memberId);
        jdbc.update("DELETE FROM report_support WHERE member_id = ?", memberId);
        return ids;
    }
}

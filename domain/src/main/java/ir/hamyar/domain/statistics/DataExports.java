package ir.hamyar.domain.statistics;

import ir.hamyar.domain.statistics.ExportRows.AppointmentRow;
import ir.hamyar.domain.statistics.ExportRows.EnrolmentRow;
import ir.hamyar.domain.statistics.ExportRows.Export;
import ir.hamyar.domain.statistics.ExportRows.MemberRow;
import ir.hamyar.domain.statistics.ExportRows.ReportRow;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for the CSV exports, limited to a {@link StatsScope} and to {@code maxRows} (in id order; the total tells
 * whether rows were left out). Members come from the scope's provinces and counties; reports, enrolments and
 * appointments from its offices. Erased members are never exported. A person's phone and national code come only
 * when the person lives inside the scope: a manager exporting their course's enrolments sees the names of members
 * from elsewhere, not their phones.
 */
@Service
@Transactional(readOnly = true)
public class DataExports {

    public static final int MAX_ROWS_LIMIT = 100_000;

    private final JdbcClient jdbc;

    DataExports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Export<MemberRow> members(StatsScope scope, int maxRows) {
        List<Object> args = new ArrayList<>();
        String where = "m.status <> 'ERASED' AND " + ScopeSql.members(scope, "m.province_id", "m.county_id", args);
        return export("FROM member m JOIN province p ON p.id = m.province_id JOIN county c ON c.id = m.county_id "
                        + "WHERE " + where, "m.id, m.full_name, m.phone_e164, m.national_code, m.birth_year, "
                        + "m.education, p.name_fa, c.name_fa, m.status, m.created_at", "m.id", args, maxRows,
                (rs, i) -> new MemberRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        nullableInt(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        Statistics.instant(rs, 10)));
    }

    public Export<ReportRow> reports(StatsScope scope, int maxRows) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.offices(scope, "r.office_id", args);
        return export("FROM problem_report r JOIN county c ON c.id = r.county_id LEFT JOIN office o ON o.id = r.office_id "
                        + "LEFT JOIN member m ON m.id = r.reporter_id WHERE " + where,
                "r.tracking_code, r.category_code, r.title, r.status, o.name, c.name_fa, r.created_at, "
                        + "r.acknowledged_at, r.resolved_at, (SELECT COUNT(*) FROM report_support s "
                        + "WHERE s.report_id = r.id), r.show_name, m.full_name, m.province_id, m.county_id",
                "r.id", args, maxRows,
                (rs, i) -> {
                    boolean named = rs.getBoolean(11)
                            && scope.coversMemberIn(nullableInt(rs, 13), nullableInt(rs, 14));
                    return new ReportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Statistics.instant(rs, 7), Statistics.instant(rs, 8),
                            Statistics.instant(rs, 9), rs.getLong(10), named ? rs.getString(12) : null);
                });
    }

    public Export<EnrolmentRow> enrolments(StatsScope scope, int maxRows) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.offices(scope, "k.offering_office_id", args);
        return export("FROM enrolment e JOIN course k ON k.id = e.course_id JOIN member m ON m.id = e.member_id "
                        + "LEFT JOIN office o ON o.id = k.offering_office_id WHERE m.status <> 'ERASED' AND " + where,
                "k.id, k.title, o.name, m.full_name, m.phone_e164, m.province_id, m.county_id, e.status, e.created_at",
                "e.id", args, maxRows,
                (rs, i) -> new EnrolmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        scope.coversMemberIn(nullableInt(rs, 6), nullableInt(rs, 7)) ? rs.getString(5) : null,
                        rs.getString(8), Statistics.instant(rs, 9)));
    }

    public Export<AppointmentRow> appointments(StatsScope scope, int maxRows) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.offices(scope, "a.office_id", args);
        return export("FROM appointment a JOIN office o ON o.id = a.office_id JOIN member m ON m.id = a.member_id "
                        + "WHERE " + where,
                "a.decree_no, o.name, m.full_name, m.phone_e164, m.province_id, m.county_id, a.role, a.status, "
                        + "a.term_start, a.term_end, a.issued_at",
                "a.id", args, maxRows,
                (rs, i) -> new AppointmentRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        scope.coversMemberIn(nullableInt(rs, 5), nullableInt(rs, 6)) ? rs.getString(4) : null,
                        rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class), Statistics.instant(rs, 11)));
    }

    private <T> Export<T> export(String from, String columns, String order, List<Object> args, int maxRows,
                                 RowMapper<T> mapper) {
        int limit = Math.max(0, Math.min(MAX_ROWS_LIMIT, maxRows));
        long total = jdbc.sql("SELECT COUNT(*) " + from).params(args).query(Long.class).single();
        List<T> rows = limit == 0 ? List.of()
                : jdbc.sql("SELECT " + columns + " " + from + " ORDER BY " + order + " LIMIT " + limit)
                        .params(args).query(mapper).list();
        return new Export<>(rows, total);
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}

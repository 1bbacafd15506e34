package ir.hamyar.domain.statistics;

import ir.hamyar.domain.statistics.Figures.AppointmentFigures;
import ir.hamyar.domain.statistics.Figures.CodeCount;
import ir.hamyar.domain.statistics.Figures.CourseFigures;
import ir.hamyar.domain.statistics.Figures.OfficeResponse;
import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's figures, limited to a {@link StatsScope}. Read-only SQL over the members, reports, training and
 * appointment tables.
 *
 * <p><b>First response</b> of a report: the earliest row of its history that is a manager's status change
 * (acknowledged, in progress, resolved, rejected) or a manager's note, measured from the report's filing. It
 * belongs to the office named in that history row (the office responsible when it responded). Forwarding is not
 * a response (it only passes the report on), so for a forwarded report the clock keeps running from the filing.
 * Only reports filed in the last {@value #RESPONSE_WINDOW_DAYS} days count, so the figure describes how offices
 * work now and the query stays bounded.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    public static final int WEEKS = 12;
    public static final int RESPONSE_WINDOW_DAYS = 90;
    public static final int EXPIRING_WITHIN_DAYS = 30;

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final String RESPONSES = "('ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', 'NOTE')";
    /** A column of report r's first response (a scalar subquery). */
    private static final String FIRST_RESPONSE = "SELECT %s FROM report_history f WHERE f.report_id = r.id AND f.action IN "
            + RESPONSES + " ORDER BY f.id LIMIT 1";

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    Statistics(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    Statistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All figures of {@code /stats} at once. */
    public StatsSnapshot snapshot(StatsScope scope) {
        List<RegionCount> byProvince = membersByProvince(scope);
        return new StatsSnapshot(clock.instant(), byProvince.stream().mapToLong(RegionCount::members).sum(),
                byProvince, membersByCounty(scope), registrationsPerWeek(scope), reportsByStatus(scope),
                reportsByCategory(scope), firstResponses(scope), RESPONSE_WINDOW_DAYS, courses(scope),
                appointments(scope));
    }

    /** Active members by province, most first. */
    public List<RegionCount> membersByProvince(StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.members(scope, "m.province_id", "m.county_id", args);
        return jdbc.sql("SELECT p.id, p.name_fa, COUNT(*) AS n FROM member m JOIN province p ON p.id = m.province_id "
                        + "WHERE m.status = 'ACTIVE' AND " + where
                        + " GROUP BY p.id, p.name_fa, p.sort_order ORDER BY n DESC, p.sort_order")
                .params(args).query((rs, i) -> new RegionCount(rs.getInt(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Active members by county, most first. */
    public List<RegionCount> membersByCounty(StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.members(scope, "m.province_id", "m.county_id", args);
        return jdbc.sql("SELECT c.id, c.name_fa, COUNT(*) AS n FROM member m JOIN county c ON c.id = m.county_id "
                        + "WHERE m.status = 'ACTIVE' AND " + where
                        + " GROUP BY c.id, c.name_fa, c.province_id, c.sort_order "
                        + "ORDER BY n DESC, c.province_id, c.sort_order")
                .params(args).query((rs, i) -> new RegionCount(rs.getInt(1), rs.getString(2), rs.getLong(3))).list();
    }

    /**
     * Registrations (whatever became of the member since) in each of the last {@value #WEEKS} Tehran weeks,
     * oldest first, the current week last. An Iranian week starts on Saturday.
     */
    public List<WeekCount> registrationsPerWeek(StatsScope scope) {
        LocalDate thisWeek = LocalDate.now(clock.withZone(TEHRAN)).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        List<LocalDate> starts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            starts.add(thisWeek.minusWeeks(i));
        }
        // One scan with a conditional sum per week: portable (no time-zone functions), and weeks without
        // registrations still come out as zero.
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < WEEKS; i++) {
            sql.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN m.created_at >= ? AND m.created_at < ? THEN 1 ELSE 0 END)");
            args.add(startOf(starts.get(i)));
            args.add(startOf(starts.get(i).plusWeeks(1)));
        }
        sql.append(" FROM member m WHERE m.created_at >= ? AND m.created_at < ? AND ");
        args.add(startOf(starts.get(0)));
        args.add(startOf(thisWeek.plusWeeks(1)));
        sql.append(ScopeSql.members(scope, "m.province_id", "m.county_id", args));
        return jdbc.sql(sql.toString()).params(args).query((ResultSet rs) -> {
            rs.next();
            List<WeekCount> weeks = new ArrayList<>();
            for (int i = 0; i < WEEKS; i++) {
                weeks.add(new WeekCount(starts.get(i), rs.getLong(i + 1)));
            }
            return weeks;
        });
    }

    /** Reports of offices in scope by status, most first (the network's also counts reports no office covers). */
    public List<CodeCount> reportsByStatus(StatsScope scope) {
        return reportsBy("status", scope);
    }

    /** Reports of offices in scope by category code, most first. */
    public List<CodeCount> reportsByCategory(StatsScope scope) {
        return reportsBy("category_code", scope);
    }

    private List<CodeCount> reportsBy(String column, StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.offices(scope, "r.office_id", args);
        return jdbc.sql("SELECT r." + column + ", COUNT(*) AS n FROM problem_report r WHERE " + where
                        + " GROUP BY r." + column + " ORDER BY n DESC, r." + column)
                .params(args).query((rs, i) -> new CodeCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Median first-response time per office in scope (see the class comment), slowest first. */
    public List<OfficeResponse> firstResponses(StatsScope scope) {
        OffsetDateTime since = clock.instant().minus(Duration.ofDays(RESPONSE_WINDOW_DAYS)).atOffset(ZoneOffset.UTC);
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Duration>> answered = new LinkedHashMap<>();
        Map<Long, Integer> awaiting = new LinkedHashMap<>();

        List<Object> args = new ArrayList<>();
        args.add(since);
        String where = ScopeSql.offices(scope, "x.office_id", args);
        // Each report's first response is looked up by its own index probe (report_history (report_id, action,
        // id)): joining the history instead made PostgreSQL hash the whole history table (data-at-scale benchmark).
        jdbc.sql("SELECT x.office_id, o.name, x.created_at, x.at FROM (SELECT r.created_at, "
                        + "(" + FIRST_RESPONSE.formatted("f.office_id") + ") AS office_id, "
                        + "(" + FIRST_RESPONSE.formatted("f.at") + ") AS at "
                        + "FROM problem_report r WHERE r.created_at >= ?) x "
                        + "JOIN office o ON o.id = x.office_id WHERE " + where)
                .params(args).query((ResultSet rs) -> {
                    long office = rs.getLong(1);
                    names.putIfAbsent(office, rs.getString(2));
                    Duration took = Duration.between(instant(rs, 3), instant(rs, 4));
                    answered.computeIfAbsent(office, k -> new ArrayList<>()).add(took.isNegative() ? Duration.ZERO : took);
                });

        List<Object> waitArgs = new ArrayList<>();
        waitArgs.add(since);
        String waitWhere = ScopeSql.offices(scope, "r.office_id", waitArgs);
        jdbc.sql("SELECT r.office_id, o.name, COUNT(*) FROM problem_report r JOIN office o ON o.id = r.office_id "
                        + "WHERE r.created_at >= ? AND " + waitWhere + " AND NOT EXISTS (SELECT 1 FROM report_history f "
                        + "WHERE f.report_id = r.id AND f.action IN " + RESPONSES + ") GROUP BY r.office_id, o.name")
                .params(waitArgs).query((ResultSet rs) -> {
                    long office = rs.getLong(1);
                    names.putIfAbsent(office, rs.getString(2));
                    awaiting.put(office, rs.getInt(3));
                });

        List<OfficeResponse> result = new ArrayList<>();
        names.forEach((office, name) -> {
            List<Duration> times = answered.getOrDefault(office, List.of());
            result.add(new OfficeResponse(office, name, times.size(), awaiting.getOrDefault(office, 0), median(times)));
        });
        result.sort(Comparator.comparing(OfficeResponse::median, Comparator.nullsFirst(Comparator.reverseOrder()))
                .thenComparing(OfficeResponse::officeId));
        return result;
    }

    /** Courses offered by offices in scope (the network's include national courses), their seats and completions. */
    public CourseFigures courses(StatsScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ScopeSql.offices(scope, "c.offering_office_id", args);
        long[] courses = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN c.status = 'OPEN' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.status = 'FINISHED' THEN 1 ELSE 0 END) FROM course c WHERE " + where)
                .params(args).query((ResultSet rs) -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                });
        List<Object> enrolArgs = new ArrayList<>();
        String enrolWhere = ScopeSql.offices(scope, "c.offering_office_id", enrolArgs);
        long[] seats = jdbc.sql("SELECT SUM(CASE WHEN e.status IN ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED') THEN 1 "
                        + "ELSE 0 END), SUM(CASE WHEN e.status = 'COMPLETED' THEN 1 ELSE 0 END) FROM enrolment e "
                        + "JOIN course c ON c.id = e.course_id WHERE " + enrolWhere)
                .params(enrolArgs).query((ResultSet rs) -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                });
        return new CourseFigures(courses[0], courses[1], courses[2], seats[0], seats[1]);
    }

    /** Appointments in force today (Tehran) in offices in scope, and those ending within 30 days. */
    public AppointmentFigures appointments(StatsScope scope) {
        LocalDate today = LocalDate.now(clock.withZone(TEHRAN));
        List<Object> args = new ArrayList<>();
        args.add(today.plusDays(EXPIRING_WITHIN_DAYS - 1L));
        args.add(today);
        args.add(today);
        String where = ScopeSql.offices(scope, "a.office_id", args);
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN a.term_end <= ? THEN 1 ELSE 0 END) FROM appointment a "
                        + "WHERE a.status = 'ACTIVE' AND a.term_start <= ? AND a.term_end >= ? AND " + where)
                .params(args).query((ResultSet rs) -> {
                    rs.next();
                    return new AppointmentFigures(rs.getLong(1), rs.getLong(2), EXPIRING_WITHIN_DAYS);
                });
    }

    /** The median of the values (the mean of the two middle ones for an even count); null for none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }

    private static OffsetDateTime startOf(LocalDate tehranDay) {
        return tehranDay.atStartOfDay(TEHRAN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

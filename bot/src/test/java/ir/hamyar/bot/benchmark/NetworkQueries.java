package ir.hamyar.bot.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hot queries of offices, reports, deliveries, {@code /stats} and training, as the application sends them:
 * copied from {@code OfficeRows}, {@code OutboxStore}, {@code Statistics} (with the conditions {@code ScopeSql}
 * builds) and {@code TrainingRows}; for the Spring Data query of an office's open reports, the SQL Hibernate
 * generates for it. Scopes and ids are drawn the way users would hit them: busy offices more often than quiet ones.
 */
final class NetworkQueries {

    private static final String OFFICE_COLUMNS = "id, level, parent_id, province_id, county_id, neighbourhood, name, "
            + "address, description, status, donation_url, group_platform, group_chat_id, response_hours, "
            + "founding_permit_no";
    private static final String REPORT_COLUMNS = "r.id, r.tracking_code, r.reporter_id, r.category_code, r.title, "
            + "r.description, r.latitude, r.longitude, r.address, r.county_id, r.neighbourhood, r.show_name, "
            + "r.office_id, r.status, r.created_at, r.awaiting_since, r.acknowledged_at, r.resolved_at, "
            + "r.escalation_level, r.last_escalated_at, r.followup_sent, r.version";
    private static final String CLAIMABLE = "SELECT o.id, o.chat_key, o.payload, o.attempts, o.reference "
            + "FROM outbound_message o WHERE o.status = 'PENDING' AND o.not_before <= ?%s "
            + "AND (o.op = 'ANSWER_CALLBACK' OR NOT EXISTS (SELECT 1 FROM outbound_message p "
            + "WHERE p.chat_key = o.chat_key AND p.status IN ('PENDING', 'CLAIMED') "
            + "AND p.op <> 'ANSWER_CALLBACK' AND p.id < o.id)) "
            + "ORDER BY o.not_before, o.id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String RESPONSES = "('ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', 'NOTE')";
    private static final String HOLDING = "('ENROLLED', 'OFFERED', 'PENDING_APPROVAL')";
    private static final String COURSE_COLUMNS = """
            c.id, c.title, c.description, c.level, c.offering_office_id, c.mode, c.location, c.capacity,
            c.enrolment_deadline, c.cancellation_deadline, c.audience, c.audience_region_id, c.needs_approval,
            c.status, c.allowed_absences, c.created_by, c.creator_platform, c.creator_user_id, c.created_at,
            c.results_confirmed_at,
            (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status IN %s) AS seats_taken,
            (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status = 'WAITLISTED') AS waiting
            """.formatted(HOLDING);
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final int WEEKS = 12;

    private final DataAtScaleBenchmark bench;
    private final Connection c;
    private final NetworkLoad network;
    private final Random random;
    private final OffsetDateTime now;

    NetworkQueries(DataAtScaleBenchmark bench, Connection c, NetworkLoad network, Random random) {
        this.bench = bench;
        this.c = c;
        this.network = network;
        this.random = random;
        this.now = network.now.atOffset(ZoneOffset.UTC);
    }

    void measure(List<String> seqScans) throws SQLException {
        offices(seqScans);
        deliveries(seqScans);
        statistics(seqScans);
        training(seqScans);
    }

    private void offices(List<String> seqScans) throws SQLException {
        time("office of an area (routing by slot)", "SELECT " + OFFICE_COLUMNS + " FROM office WHERE active_slot = ?",
                i -> List.of("C:" + DataAtScaleBenchmark.countyOf(c, random)), seqScans);
        time("offices of a county", "SELECT " + OFFICE_COLUMNS + " FROM office WHERE county_id = ? ORDER BY "
                        + "CASE level WHEN 'COUNTY' THEN 0 ELSE 1 END, name, id",
                i -> List.of(DataAtScaleBenchmark.countyOf(c, random)), seqScans);
        time("open reports of an office (manager)", "SELECT " + REPORT_COLUMNS + " FROM problem_report r "
                        + "WHERE r.office_id = ? AND r.status IN (?, ?, ?, ?) ORDER BY r.created_at, r.id",
                i -> withOpen(busyOffice().id()), seqScans);
        time("open reports of no office (admins)", "SELECT " + REPORT_COLUMNS + " FROM problem_report r "
                        + "WHERE r.office_id IS NULL AND r.status IN (?, ?, ?, ?) ORDER BY r.created_at, r.id",
                i -> withOpen(), seqScans);
    }

    private void deliveries(List<String> seqScans) throws SQLException {
        // the sender, having sent a chat's row, claims that chat's next one in the same transaction
        time("next unsent outbox row of a chat", String.format(CLAIMABLE, " AND o.chat_key IN (?)"),
                i -> List.of(now, pendingChat(), 2), seqScans);
    }

    private void statistics(List<String> seqScans) throws SQLException {
        int province = 1 + random.nextInt(31);
        time("stats: members by province (network)", membersBy("p", "province", "p.id, p.name_fa, p.sort_order",
                "p.sort_order", "1 = 1"), i -> List.of(), seqScans);
        time("stats: members by province (a province)", membersBy("p", "province", "p.id, p.name_fa, p.sort_order",
                        "p.sort_order", "(m.province_id IN (?) OR 1 = 0)"),
                i -> List.of(1 + random.nextInt(31)), seqScans);
        time("stats: members by county (a county)", membersBy("c", "county",
                        "c.id, c.name_fa, c.province_id, c.sort_order", "c.province_id, c.sort_order",
                        "(1 = 0 OR m.county_id IN (?))"),
                i -> List.of(DataAtScaleBenchmark.countyOf(c, random)), seqScans);
        time("stats: registrations per week (network)", registrations("1 = 1"), i -> weeks(List.of()), seqScans);
        time("stats: registrations per week (a province)", registrations("(m.province_id IN (?) OR 1 = 0)"),
                i -> weeks(List.of(1 + random.nextInt(31))), seqScans);
        OffsetDateTime since = now.minus(Duration.ofDays(90));
        time("stats: first responses, 90 days (network)",
                "SELECT x.office_id, o.name, x.created_at, x.at FROM (SELECT r.created_at, "
                        + "(SELECT f.office_id FROM report_history f WHERE f.report_id = r.id AND f.action IN " + RESPONSES
                        + " ORDER BY f.id LIMIT 1) AS office_id, (SELECT f.at FROM report_history f WHERE f.report_id = r.id "
                        + "AND f.action IN " + RESPONSES + " ORDER BY f.id LIMIT 1) AS at FROM problem_report r "
                        + "WHERE r.created_at >= ?) x JOIN office o ON o.id = x.office_id WHERE 1 = 1",
                i -> List.of(since), seqScans);
        time("stats: awaiting first response (network)", "SELECT r.office_id, o.name, COUNT(*) FROM problem_report r "
                        + "JOIN office o ON o.id = r.office_id WHERE r.created_at >= ? AND 1 = 1 AND NOT EXISTS "
                        + "(SELECT 1 FROM report_history f WHERE f.report_id = r.id AND f.action IN " + RESPONSES + ") "
                        + "GROUP BY r.office_id, o.name",
                i -> List.of(since), seqScans);
        List<Long> ofProvince = network.offices.stream().filter(o -> o.provinceId() == province)
                .map(NetworkLoad.Office::id).toList();
        String in = ofProvince.stream().map(id -> "?").collect(Collectors.joining(", ", "(", ")"));
        List<Object> provinceArgs = new ArrayList<>();
        provinceArgs.add(since);
        provinceArgs.addAll(ofProvince);
        time("stats: first responses, 90 days (a province)",
                "SELECT x.office_id, o.name, x.created_at, x.at FROM (SELECT r.created_at, "
                        + "(SELECT f.office_id FROM report_history f WHERE f.report_id = r.id AND f.action IN " + RESPONSES
                        + " ORDER BY f.id LIMIT 1) AS office_id, (SELECT f.at FROM report_history f WHERE f.report_id = r.id "
                        + "AND f.action IN " + RESPONSES + " ORDER BY f.id LIMIT 1) AS at FROM problem_report r "
                        + "WHERE r.created_at >= ?) x JOIN office o ON o.id = x.office_id WHERE x.office_id IN " + in,
                i -> provinceArgs, seqScans);
    }

    private void training(List<String> seqScans) throws SQLException {
        time("a course with its seats taken", "SELECT " + COURSE_COLUMNS + " FROM course c WHERE c.id = ?",
                i -> List.of(course()), seqScans);
        time("seats taken of a course (enrolling)", "SELECT count(*) FROM enrolment WHERE course_id = ? AND status IN "
                + HOLDING, i -> List.of(course()), seqScans);
        time("enrolments of a course", "SELECT * FROM enrolment WHERE course_id = ? AND status IN "
                + "('ENROLLED','COMPLETED','NOT_COMPLETED') ORDER BY id", i -> List.of(course()), seqScans);
    }

    // ---------------------------------------------------------------- the application's SQL, built as it builds it

    private static String membersBy(String alias, String table, String groupBy, String order, String scope) {
        return "SELECT " + alias + ".id, " + alias + ".name_fa, COUNT(*) AS n FROM member m JOIN " + table + " "
                + alias + " ON " + alias + ".id = m." + table + "_id WHERE m.status = 'ACTIVE' AND " + scope
                + " GROUP BY " + groupBy + " ORDER BY n DESC, " + order;
    }

    private static String registrations(String scope) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < WEEKS; i++) {
            sql.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN m.created_at >= ? AND m.created_at < ? THEN 1 ELSE 0 END)");
        }
        return sql.append(" FROM member m WHERE m.created_at >= ? AND m.created_at < ? AND ").append(scope).toString();
    }

    private List<Object> weeks(List<Object> scopeArgs) {
        LocalDate thisWeek = now.atZoneSameInstant(TEHRAN).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        List<Object> args = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            args.add(startOf(thisWeek.minusWeeks(i)));
            args.add(startOf(thisWeek.minusWeeks(i - 1L)));
        }
        args.add(startOf(thisWeek.minusWeeks(WEEKS - 1L)));
        args.add(startOf(thisWeek.plusWeeks(1)));
        args.addAll(scopeArgs);
        return args;
    }

    private static OffsetDateTime startOf(LocalDate tehranDay) {
        return tehranDay.atStartOfDay(TEHRAN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<Object> withOpen(Object... first) {
        List<Object> args = new ArrayList<>(List.of(first));
        args.addAll(NetworkLoad.OPEN);
        return args;
    }

    /** An office drawn with the same skew that routed the reports: the busiest ones come up most. */
    private NetworkLoad.Office busyOffice() {
        return network.byBusiness.get((int) (network.byBusiness.size() * Math.pow(random.nextDouble(), 3)));
    }

    /** A chat with unsent rows (the generator leaves the last rows of the outbox pending). */
    private String pendingChat() {
        int row = DataAtScaleBenchmark.OUTBOX_ROWS - random.nextInt(DataAtScaleBenchmark.PENDING);
        return "T:" + (10_000_000L + 1 + (row % DataAtScaleBenchmark.MEMBERS));
    }

    private long course() {
        // the open ones are enrolled in; a few old ones are looked at
        List<Long> pool = network.openCourses.isEmpty() || random.nextInt(10) == 0 ? network.courses
                : network.openCourses;
        return pool.get(random.nextInt(pool.size()));
    }

    private void time(String name, String sql, Function<Integer, List<Object>> args, List<String> seqScans)
            throws SQLException {
        bench.timeAndExplain(c, name, sql, args, seqScans);
    }
}

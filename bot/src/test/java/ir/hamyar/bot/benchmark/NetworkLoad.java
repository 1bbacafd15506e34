package ir.hamyar.bot.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The network around the members of {@link DataAtScaleBenchmark}, loaded with COPY in proportions that follow the
 * member count (figures for 1,000,000 members): an office in every province (31), a county office in nine
 * counties of ten (~430), 3,000 local centres (one in 25 closed); a manager and, above local centres, a deputy in
 * force in every active office, and an expired earlier manager in every second one; 4,000 courses (one in ten
 * national) with three sessions each and 300,000 enrolments (waitlists where a course is full); 200,000 problem
 * reports over two years, each with its history (filed, first response, outcome) and a manager's note on one in
 * three answered, about 5 % still open, routed to offices with a strong skew (the busiest 1 % of offices get about
 * a fifth of all reports) and 2 % covered by no office (the admins' queue).
 *
 * <p>Every row respects the schema's checks, foreign keys and unique keys; ids are given explicitly where other
 * rows refer to them, and each identity is moved past them so the application can insert afterwards.
 */
final class NetworkLoad {

    static final Duration SPAN = Duration.ofDays(730);
    static final List<String> OPEN = List.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS", "REOPENED");
    private static final String[] CATEGORIES = {"infrastructure", "environment", "health", "education",
            "economy_jobs", "culture", "social_harm", "public_services", "other"};
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    /** An office as the generator placed it. */
    record Office(long id, String level, int provinceId, Integer countyId, String neighbourhood, boolean active) {
    }

    final int members;
    final Instant now;
    final List<Office> offices = new ArrayList<>();
    /** Active offices in the order of their popularity for reports (the first ones are the busiest). */
    final List<Office> byBusiness = new ArrayList<>();
    final List<Long> courses = new ArrayList<>();
    final List<Long> openCourses = new ArrayList<>();
    int appointments;
    int sessions;
    int enrolments;
    int reports;
    int openReports;
    int historyRows;
    int notes;

    private final List<int[]> counties;
    private final Map<Integer, List<Integer>> countiesOfProvince = new HashMap<>();
    private final List<Integer> countiesWithoutOffice = new ArrayList<>();
    private long[] managerOf;

    NetworkLoad(int members, List<int[]> counties, Instant now) {
        this.members = members;
        this.counties = counties;
        this.now = now;
        for (int[] c : counties) {
            countiesOfProvince.computeIfAbsent(c[1], k -> new ArrayList<>()).add(c[0]);
        }
    }

    void load(Connection c) throws SQLException {
        offices(c);
        appointments(c);
        training(c);
        reports(c);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE office ALTER COLUMN id RESTART WITH " + (offices.size() + 1));
            s.execute("ALTER TABLE course ALTER COLUMN id RESTART WITH " + (courses.size() + 1));
            s.execute("ALTER TABLE problem_report ALTER COLUMN id RESTART WITH " + (reports + 1));
        }
    }

    // ---------------------------------------------------------------- offices and appointments

    private void offices(Connection c) throws SQLException {
        Instant founded = now.minus(SPAN);
        for (int p = 1; p <= 31; p++) {
            offices.add(new Office(p, "PROVINCE", p, null, null, true));
        }
        List<Office> countyOffices = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            int[] county = counties.get(i);
            if (i % 10 == 9) {
                countiesWithoutOffice.add(county[0]);
                continue;
            }
            Office o = new Office(offices.size() + 1, "COUNTY", county[1], county[0], null, true);
            offices.add(o);
            countyOffices.add(o);
        }
        int locals = Math.max(31, members * 3 / 1000);
        for (int k = 0; k < locals; k++) {
            Office parent = countyOffices.get((k * 13) % countyOffices.size());
            offices.add(new Office(offices.size() + 1, "LOCAL", parent.provinceId(), parent.countyId(),
                    "Mahalle " + k, k % 25 != 24));
        }
        Map<Integer, Long> countyOfficeOf = new HashMap<>();
        countyOffices.forEach(o -> countyOfficeOf.put(o.countyId(), o.id()));
        DataAtScaleBenchmark.copy(c, "office (id, level, parent_id, province_id, county_id, neighbourhood, "
                        + "neighbourhood_key, name, status, active_slot, group_platform, group_chat_id, group_linked_at, "
                        + "response_hours, created_at)", offices.size(), i -> {
                    Office o = offices.get(i - 1);
                    String parent = switch (o.level()) {
                        case "PROVINCE" -> "";
                        case "COUNTY" -> String.valueOf(o.provinceId());
                        default -> String.valueOf(countyOfficeOf.get(o.countyId()));
                    };
                    String key = o.neighbourhood() == null ? "" : o.neighbourhood().toLowerCase().replace(" ", "");
                    String slot = !o.active() ? "" : switch (o.level()) {
                        case "PROVINCE" -> "P:" + o.provinceId();
                        case "COUNTY" -> "C:" + o.countyId();
                        default -> "L:" + o.countyId() + ":" + key;
                    };
                    // four offices of five have linked their managers' group chat
                    String group = i % 5 == 0 ? ",,," : "TELEGRAM," + (-1_000_000_000_000L - i) + "," + founded + ",";
                    return o.id() + "," + o.level() + "," + parent + "," + o.provinceId() + ","
                            + (o.countyId() == null ? "" : o.countyId()) + ","
                            + (o.neighbourhood() == null ? "" : o.neighbourhood()) + "," + key + ","
                            + o.level() + " office " + o.id() + "," + (o.active() ? "ACTIVE" : "CLOSED") + ","
                            + slot + "," + group + (24 + 24 * (i % 3)) + "," + founded;
                });
        for (Office o : offices) {
            if (o.active()) {
                byBusiness.add(o);
            }
        }
        Collections.shuffle(byBusiness, new Random(11));
    }

    private void appointments(Connection c) throws SQLException {
        managerOf = new long[offices.size() + 1];
        LocalDate today = LocalDate.ofInstant(now, TEHRAN);
        List<String> rows = new ArrayList<>();
        for (Office o : offices) {
            if (!o.active()) {
                continue;
            }
            long manager = memberFor(o.id() * 7919L);
            managerOf[(int) o.id()] = manager;
            LocalDate start = today.minusDays((o.id() * 37) % 700);
            rows.add(appointment(manager, o, "MANAGER", "ACTIVE", start, start.plusDays(729), rows.size()));
            if (!"LOCAL".equals(o.level())) {
                rows.add(appointment(memberFor(o.id() * 7919L + 1), o, "DEPUTY", "ACTIVE", start,
                        start.plusDays(729), rows.size()));
            }
            if (o.id() % 2 == 0) {
                rows.add(appointment(memberFor(o.id() * 7919L + 2), o, "MANAGER", "EXPIRED", start.minusDays(730),
                        start.minusDays(1), rows.size()));
            }
        }
        appointments = rows.size();
        DataAtScaleBenchmark.copy(c, "appointment (member_id, office_id, role, status, term_start, term_end, "
                + "decree_no, issued_by_account, issued_at, ended_at)", rows.size(), i -> rows.get(i - 1));
    }

    private String appointment(long member, Office o, String role, String status, LocalDate start, LocalDate end,
                               int seq) {
        Instant issued = start.atStartOfDay(TEHRAN).toInstant();
        return member + "," + o.id() + "," + role + "," + status + "," + start + "," + end + ",D-" + (seq + 1)
                + ",TELEGRAM:9001," + issued + "," + ("EXPIRED".equals(status)
                ? end.plusDays(1).atStartOfDay(TEHRAN).toInstant().toString() : "");
    }

    // ---------------------------------------------------------------- training

    private void training(Connection c) throws SQLException {
        int n = Math.max(20, members * 4 / 1000);
        String[] status = new String[n + 1];
        int[] capacity = new int[n + 1];
        Instant[] created = new Instant[n + 1];
        List<Office> active = byBusiness;
        List<String> rows = new ArrayList<>(n);
        for (int j = 1; j <= n; j++) {
            Office o = j % 10 == 0 ? null : active.get((j * 17) % active.size());
            created[j] = now.minus(SPAN.multipliedBy(n - j).dividedBy(n)).minus(Duration.ofDays(1));
            Instant deadline = created[j].plus(Duration.ofDays(14));
            capacity[j] = 40 + (j * 37) % 120;
            status[j] = deadline.isAfter(now) ? "OPEN"
                    : j % 25 == 0 ? "CANCELLED"
                    : created[j].isAfter(now.minus(Duration.ofDays(60))) ? "CLOSED" : "FINISHED";
            String audience = o == null ? "ALL," : "PROVINCE".equals(o.level()) ? "PROVINCE," + o.provinceId()
                    : "COUNTY," + o.countyId();
            long creator = o == null ? 1 : managerOf[(int) o.id()];
            Instant ended = created[j].plus(Duration.ofDays(45));
            boolean finished = "FINISHED".equals(status[j]);
            rows.add(j + ",Course " + j + ",About course " + j + "," + List.of("INTRO", "BASIC", "ADVANCED").get(j % 3)
                    + "," + (o == null ? "" : o.id()) + "," + (j % 2 == 0 ? "ONLINE" : "IN_PERSON") + ",Hall " + j
                    + "," + capacity[j] + "," + deadline + "," + created[j].plus(Duration.ofDays(12)) + "," + audience
                    + "," + (j % 5 == 0) + "," + status[j] + ",1," + creator + ",TELEGRAM," + (10_000_000L + creator)
                    + "," + created[j] + "," + (finished ? ended : "") + "," + (finished ? ended : ""));
            courses.add((long) j);
            if ("OPEN".equals(status[j])) {
                openCourses.add((long) j);
            }
        }
        DataAtScaleBenchmark.copy(c, "course (id, title, description, level, offering_office_id, mode, location, "
                + "capacity, enrolment_deadline, cancellation_deadline, audience, audience_region_id, needs_approval, "
                + "status, allowed_absences, created_by, creator_platform, creator_user_id, created_at, ended_at, "
                + "results_confirmed_at)", n, i -> rows.get(i - 1));
        sessions = 3 * n;
        DataAtScaleBenchmark.copy(c, "course_session (course_id, starts_at, duration_minutes)", sessions, i -> {
            int course = (i - 1) / 3 + 1;
            return course + "," + created[course].plus(Duration.ofDays(20 + 7L * ((i - 1) % 3))) + ",90";
        });
        enrolments = members * 3 / 10;
        DataAtScaleBenchmark.copy(c, "enrolment (course_id, member_id, status, position, created_at, updated_at)",
                enrolments, e -> {
                    int course = (e - 1) % n + 1;
                    int k = (e - 1) / n;
                    // distinct members within a course: 7919 is prime and no member count here is its multiple
                    long member = memberFor(k * 7919L + course * 31L);
                    String s;
                    String position = "";
                    boolean running = "OPEN".equals(status[course]) || "CLOSED".equals(status[course]);
                    if (k >= capacity[course]) {
                        s = running ? "WAITLISTED" : "CANCELLED";
                        position = running ? String.valueOf(k + 1) : "";
                    } else if ("CANCELLED".equals(status[course]) || k % 15 == 14) {
                        s = "CANCELLED";
                    } else if (!running) {
                        s = k % 10 == 9 ? "NOT_COMPLETED" : "COMPLETED";
                    } else {
                        s = course % 5 == 0 && k % 4 == 3 ? "PENDING_APPROVAL" : "ENROLLED";
                    }
                    Instant at = created[course].plus(Duration.ofMinutes(k));
                    return course + "," + member + "," + s + "," + position + "," + at + "," + at;
                });
    }

    // ---------------------------------------------------------------- reports

    private void reports(Connection c) throws SQLException {
        int n = members / 5;
        long[] office = new long[n + 1];
        int[] county = new int[n + 1];
        String[] neighbourhood = new String[n + 1];
        String[] status = new String[n + 1];
        Instant[] created = new Instant[n + 1];
        Instant[] responded = new Instant[n + 1];
        Instant[] closed = new Instant[n + 1];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 1; i <= n; i++) {
            created[i] = now.minus(SPAN.multipliedBy(n - i + 1).dividedBy(n));
            if (random.nextInt(50) == 0) {
                county[i] = countiesWithoutOffice.get(random.nextInt(countiesWithoutOffice.size()));
            } else {
                Office o = byBusiness.get((int) (byBusiness.size() * Math.pow(random.nextDouble(), 3)));
                office[i] = o.id();
                List<Integer> ofProvince = countiesOfProvince.get(o.provinceId());
                county[i] = o.countyId() != null ? o.countyId() : ofProvince.get(random.nextInt(ofProvince.size()));
                neighbourhood[i] = o.neighbourhood();
            }
            boolean recent = created[i].isAfter(now.minus(Duration.ofDays(60)));
            boolean open = recent ? random.nextInt(10) < 6 : random.nextInt(500) == 0;
            int pick = random.nextInt(20);
            status[i] = open ? (pick < 8 ? "NEW" : pick < 13 ? "ACKNOWLEDGED" : pick < 19 ? "IN_PROGRESS" : "REOPENED")
                    : pick < 15 ? "RESOLVED" : "REJECTED";
            // first response after 1 hour to 5 days, most within a day; the outcome days later
            double r = random.nextDouble();
            Instant response = created[i].plus(Duration.ofMinutes(60 + (long) (r * r * r * 7200)));
            responded[i] = "NEW".equals(status[i]) ? null : response.isAfter(now) ? now : response;
            Instant outcome = response.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            closed[i] = open && !"REOPENED".equals(status[i]) ? null : outcome.isAfter(now) ? now : outcome;
            if (open) {
                openReports++;
            }
        }
        reports = n;
        DataAtScaleBenchmark.copy(c, "problem_report (id, tracking_code, reporter_id, category_code, title, "
                        + "description, county_id, neighbourhood, office_id, status, created_at, awaiting_since, "
                        + "acknowledged_at, resolved_at, followup_sent)", n, i -> {
                    boolean resolved = "RESOLVED".equals(status[i]);
                    Instant awaiting = "REOPENED".equals(status[i]) ? closed[i] : created[i];
                    return i + "," + trackingCode(i) + "," + reporterOf(i) + "," + CATEGORIES[i % 9 < 6 ? i % 9 : i % 4]
                            + ",Report " + i + ",What is wrong at place " + i + "," + county[i] + ","
                            + (neighbourhood[i] == null ? "" : neighbourhood[i]) + ","
                            + (office[i] == 0 ? "" : office[i]) + "," + status[i] + "," + created[i] + "," + awaiting
                            + "," + (responded[i] == null ? "" : responded[i]) + ","
                            + (resolved ? closed[i] : "") + "," + resolved;
                });
        List<String> history = new ArrayList<>(4 * n);
        List<String> noteRows = new ArrayList<>(n / 3);
        for (int i = 1; i <= n; i++) {
            String at = office[i] == 0 ? "" : String.valueOf(office[i]);
            String manager = office[i] == 0 ? "" : String.valueOf(managerOf[(int) office[i]]);
            history.add(i + "," + created[i] + "," + reporterOf(i) + ",FILED,,NEW," + at + ",");
            if (responded[i] == null) {
                continue;
            }
            history.add(i + "," + responded[i] + "," + manager + ",ACKNOWLEDGED,NEW,ACKNOWLEDGED," + at + ",");
            if (i % 3 == 0) {
                history.add(i + "," + responded[i] + "," + manager + ",NOTE,,," + at + ",We are on it");
                noteRows.add(i + "," + manager + ",We are on it," + (i % 2 == 0) + "," + responded[i]);
            }
            switch (status[i]) {
                case "IN_PROGRESS" -> history.add(i + "," + responded[i] + "," + manager
                        + ",IN_PROGRESS,ACKNOWLEDGED,IN_PROGRESS," + at + ",");
                case "RESOLVED", "REJECTED" -> history.add(i + "," + closed[i] + "," + manager + "," + status[i]
                        + ",ACKNOWLEDGED," + status[i] + "," + at + ",");
                case "REOPENED" -> {
                    history.add(i + "," + closed[i] + "," + manager + ",RESOLVED,ACKNOWLEDGED,RESOLVED," + at + ",");
                    history.add(i + "," + closed[i] + "," + reporterOf(i) + ",REOPENED,RESOLVED,REOPENED," + at + ",");
                }
                default -> {
                }
            }
        }
        historyRows = history.size();
        notes = noteRows.size();
        DataAtScaleBenchmark.copy(c, "report_history (report_id, at, actor_id, action, from_status, to_status, "
                + "office_id, note)", history.size(), i -> history.get(i - 1));
        DataAtScaleBenchmark.copy(c, "report_note (report_id, author_id, body, is_public, created_at)",
                noteRows.size(), i -> noteRows.get(i - 1));
    }

    private long reporterOf(int report) {
        return memberFor(report * 104_729L);
    }

    private long memberFor(long k) {
        return k % members + 1;
    }

    /** R- and five characters of the tracking-code alphabet, distinct for every report number below 30^5. */
    private static String trackingCode(int report) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder code = new StringBuilder("R-");
        int v = report;
        for (int k = 0; k < 5; k++) {
            code.insert(2, alphabet.charAt(v % 30));
            v /= 30;
        }
        return code.toString();
    }

    static Instant truncatedNow() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}

package ir.hamyar.domain.statistics;

import ir.hamyar.domain.statistics.Figures.CodeCount;
import ir.hamyar.domain.statistics.Figures.OfficeResponse;
import ir.hamyar.domain.statistics.Figures.RegionCount;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default database: every statistics and export query must run on H2 in PostgreSQL mode too, with
 * the same answers. The rows are written directly, as the schema stands after the migrations.
 *
 * <p>One connection for everything: H2 2.4.240 refuses inserts into a table with a {@code CHECK (x IN (…))}
 * constraint ("Check constraint invalid", 23514) on any connection other than the one that created the table
 * (h2database issue 4308), which has nothing to do with the queries tested here.
 */
class StatisticsOnH2Tests {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static JdbcClient jdbc;
    static Statistics statistics;
    static DataExports exports;
    static StatsScope scope;

    @BeforeAll
    static void migrateAndFill() {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:h2:mem:stats" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = JdbcClient.create(ds);
        statistics = new Statistics(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        exports = new DataExports(jdbc);

        long office = insert("INSERT INTO office (level, province_id, county_id, name, status, created_at) "
                + "VALUES ('COUNTY', 8, 117, 'دفتر تهران', 'ACTIVE', ?)", at(NOW.minus(Duration.ofDays(30))));
        long ali = member("0012345679", "+989121111111", NOW.minus(Duration.ofDays(1)));
        long sara = member("0012345680", "+989121111112", NOW.minus(Duration.ofDays(8)));
        long report = insert("INSERT INTO problem_report (tracking_code, reporter_id, category_code, title, description, "
                + "county_id, show_name, office_id, status, created_at, awaiting_since) VALUES ('R-AAAAA', ?, 'health', "
                + "'عنوان، با \"نقل\"', 'شرح', 117, TRUE, ?, 'ACKNOWLEDGED', ?, ?)", ali, office,
                at(NOW.minus(Duration.ofHours(5))), at(NOW.minus(Duration.ofHours(5))));
        jdbc.sql("INSERT INTO report_history (report_id, at, actor_id, action, to_status, office_id) VALUES "
                + "(?, ?, ?, 'FILED', 'NEW', ?), (?, ?, ?, 'ACKNOWLEDGED', 'ACKNOWLEDGED', ?)")
                .params(report, at(NOW.minus(Duration.ofHours(5))), ali, office,
                        report, at(NOW.minus(Duration.ofHours(2))), sara, office).update();
        long course = insert("INSERT INTO course (title, description, level, offering_office_id, mode, location, "
                + "capacity, enrolment_deadline, cancellation_deadline, audience, needs_approval, status, "
                + "allowed_absences, creator_platform, creator_user_id, created_at) VALUES ('دوره', 'شرح', 'INTRO', ?, "
                + "'ONLINE', 'x', 10, ?, ?, 'ALL', FALSE, 'FINISHED', 0, 'TELEGRAM', 1, ?)", office, at(NOW), at(NOW), at(NOW));
        jdbc.sql("INSERT INTO enrolment (course_id, member_id, status, created_at, updated_at) VALUES (?, ?, 'COMPLETED', ?, ?)")
                .params(course, ali, at(NOW), at(NOW)).update();
        jdbc.sql("INSERT INTO appointment (member_id, office_id, role, status, term_start, term_end, decree_no, issued_at) "
                        + "VALUES (?, ?, 'MANAGER', 'ACTIVE', ?, ?, '1405/000001', ?)")
                .params(sara, office, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 10), at(NOW)).update();
        scope = StatsScope.of(Set.of(office), Set.of(), Set.of(117));
    }

    @Test
    void answersEveryFigureOnH2() {
        StatsSnapshot s = statistics.snapshot(scope);

        assertThat(s.membersByProvince()).containsExactly(new RegionCount(8, "تهران", 2));
        assertThat(s.membersByCounty()).extracting(RegionCount::regionId, RegionCount::members)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(117, 2L));
        assertThat(s.registrationsPerWeek().get(11).registrations()).isEqualTo(1);
        assertThat(s.registrationsPerWeek().get(10).registrations()).isEqualTo(1);
        assertThat(s.reportsByStatus()).containsExactly(new CodeCount("ACKNOWLEDGED", 1));
        assertThat(s.reportsByCategory()).containsExactly(new CodeCount("health", 1));
        assertThat(s.firstResponses()).extracting(OfficeResponse::median).containsExactly(Duration.ofHours(3));
        assertThat(s.courses()).isEqualTo(new Figures.CourseFigures(1, 0, 1, 1, 1));
        assertThat(s.appointments()).isEqualTo(new Figures.AppointmentFigures(1, 1, 30));
    }

    @Test
    void exportsEveryKindOnH2() {
        assertThat(exports.members(scope, 10).rows()).extracting(ExportRows.MemberRow::phone)
                .containsExactly("+989121111111", "+989121111112");
        assertThat(exports.reports(scope, 10).rows()).singleElement()
                .satisfies(r -> assertThat(r.reporterName()).isEqualTo("علی رضایی"));
        assertThat(exports.enrolments(scope, 10).rows()).extracting(ExportRows.EnrolmentRow::status)
                .containsExactly("COMPLETED");
        assertThat(exports.appointments(scope, 10).rows()).singleElement()
                .satisfies(a -> assertThat(a.termEnd()).isEqualTo(LocalDate.of(2026, 4, 10)));
    }

    private static long member(String nationalCode, String phone, Instant createdAt) {
        return insert("INSERT INTO member (status, full_name, phone_e164, national_code, birth_year, education, "
                + "province_id, county_id, referral_code, created_at) VALUES ('ACTIVE', 'علی رضایی', ?, ?, 1370, "
                + "'BACHELOR', 8, 117, ?, ?)", phone, nationalCode, "ref" + nationalCode, at(createdAt));
    }

    private static long insert(String sql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(args).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}

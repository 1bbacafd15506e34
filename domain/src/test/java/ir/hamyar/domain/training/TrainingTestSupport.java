package ir.hamyar.domain.training;

import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.testing.PostgresInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One context on a real PostgreSQL with a clock the tests move; members registered through the real membership
 * façade, courses created through {@link Training#create}.
 */
@SpringBootTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(TrainingTestSupport.Clocks.class)
@RecordApplicationEvents
abstract class TrainingTestSupport {

    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private static final AtomicInteger CODES = new AtomicInteger(22_000_000);
    private static final AtomicInteger PHONES = new AtomicInteger(3_000_000);
    private static final AtomicLong USERS = new AtomicLong(8_000_000_000L);

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }
    }

    @Autowired
    Training training;

    @Autowired
    Membership membership;

    @Autowired
    Regions regions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    Province tehran() {
        return regions.provinces().stream().filter(p -> p.nameEn().equals("Tehran")).findFirst().orElseThrow();
    }

    County tehranCounty() {
        return regions.searchCounties(tehran().id(), "تهران").get(0);
    }

    Province isfahan() {
        return regions.provinces().stream().filter(p -> p.nameEn().equals("Isfahan")).findFirst().orElseThrow();
    }

    long member() {
        return member(tehran().id(), tehranCounty().id());
    }

    long member(int provinceId, int countyId) {
        String nine = String.format("%09d", CODES.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        NationalCode code = new NationalCode(nine + (r < 2 ? r : 11 - r));
        long user = USERS.incrementAndGet();
        RegistrationResult result = membership.register(new Registration(Platform.TELEGRAM, user, user,
                "سارا رضایی", PhoneNumber.parse("0912" + PHONES.incrementAndGet()).orElseThrow(), true, code, 1370,
                "BACHELOR", null, provinceId, countyId, Set.of(), "1", clock.instant(), "fa", null));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member().id();
    }

    /** A course with {@code seats} seats and two one-hour sessions in two and three days. */
    NewCourse course(int seats) {
        Instant first = START.plus(Duration.ofDays(2));
        return new NewCourse("آشنایی با همیار", "دوره مقدماتی", CourseLevel.INTRO, null, CourseMode.IN_PERSON,
                "تهران، خیابان آزادی", List.of(new NewCourse.NewSession(first, 60),
                new NewCourse.NewSession(first.plus(Duration.ofDays(1)), 60)), seats, first.minus(Duration.ofHours(2)),
                null, Audience.ALL, null, false, null, new Creator(null, Platform.TELEGRAM, 9001));
    }

    long created(NewCourse c) {
        CreateResult r = training.create(c);
        assertThat(r.problem()).isNull();
        return r.courseId();
    }

    EnrolmentStatus status(long courseId, long memberId) {
        return training.enrolment(courseId, memberId).orElseThrow().status();
    }

    /** A clock the tests set and move; the application reads it through {@link Clock}. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant i) {
            now.set(i);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

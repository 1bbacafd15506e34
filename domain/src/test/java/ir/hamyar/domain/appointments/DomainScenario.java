package ir.hamyar.domain.appointments;

import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the offices, appointments and applications tests: one context on a real PostgreSQL, a
 * movable clock (reset before each test to 2026-04-01, 12 Farvardin 1405), a training record the tests fill,
 * and helpers that register members and create offices. The tests share one database, so every test works
 * in a province it picks freshly ({@link #freshProvince()}).
 */
@SpringBootTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(DomainScenario.Beans.class)
@RecordApplicationEvents
public abstract class DomainScenario {

    public static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    private static final AtomicInteger CODES = new AtomicInteger(23_456_000);
    private static final AtomicInteger PHONES = new AtomicInteger(2_000_000);
    private static final AtomicLong USERS = new AtomicLong(8_000_000_000L);
    private static final AtomicInteger NEXT_PROVINCE = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {
        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }

        @Bean
        TrainedMembers trainedMembers() {
            return new TrainedMembers();
        }
    }

    /** The training module's stand-in: members the test marks as trained. */
    public static class TrainedMembers implements TrainingRecord {
        private final Set<Long> trained = ConcurrentHashMap.newKeySet();

        public void add(long memberId) {
            trained.add(memberId);
        }

        @Override
        public boolean hasCompletedTraining(long memberId) {
            return trained.contains(memberId);
        }
    }

    /** A clock tests move by hand. */
    public static class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    protected Membership membership;

    @Autowired
    protected Offices offices;

    @Autowired
    protected Appointments appointments;

    @Autowired
    protected Regions regions;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ApplicationEvents events;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected TrainedMembers trained;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    /**
     * A province no other test of this run has used (there are 31; the tests take them in turn), so "one
     * office per region" never clashes between tests.
     */
    protected Province freshProvince() {
        List<Province> all = regions.provinces();
        return all.get(NEXT_PROVINCE.getAndIncrement() % all.size());
    }

    protected County firstCounty(Province province) {
        return regions.counties(province.id()).get(0);
    }

    protected County secondCounty(Province province) {
        return regions.counties(province.id()).get(1);
    }

    protected MemberView member(County county) {
        int nine = CODES.incrementAndGet();
        String digits = String.format("%09d", nine);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        NationalCode code = new NationalCode(digits + (r < 2 ? r : 11 - r));
        PhoneNumber phone = PhoneNumber.parse("0912" + PHONES.incrementAndGet()).orElseThrow();
        long user = USERS.incrementAndGet();
        RegistrationResult result = membership.register(new Registration(Platform.TELEGRAM, user, user,
                "مریم احمدی", phone, true, code, 1370, "BACHELOR", "مهندسی", county.provinceId(), county.id(),
                Set.of("social"), "2026-01", START, "fa", null));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member();
    }

    protected MemberView trainedMember(County county) {
        MemberView m = member(county);
        trained.add(m.id());
        return m;
    }

    protected OfficeView provinceOffice(Province province) {
        return offices.create(NewOffice.province(province.id(), "دفتر استان " + province.id())
                .withDonationUrl("https://hamyar.example/donate/p" + province.id()));
    }

    protected OfficeView countyOffice(County county) {
        return offices.create(NewOffice.county(county.provinceId(), county.id(), "دفتر شهرستان " + county.id())
                .withDonationUrl("https://hamyar.example/donate/c" + county.id()));
    }

    protected OfficeView localCentre(County county, String neighbourhood) {
        return offices.create(NewOffice.local(county.provinceId(), county.id(), neighbourhood, "مرکز " + neighbourhood));
    }

    protected AppointmentView appoint(MemberView member, OfficeView office, AppointmentRole role) {
        trained.add(member.id());
        IssueResult result = appointments.issue(new IssueAppointment(member.id(), office.id(), role, null, null,
                Issuer.admin(Platform.TELEGRAM, 9001, null)));
        assertThat(result).isInstanceOf(IssueResult.Issued.class);
        return ((IssueResult.Issued) result).appointment();
    }
}

package ir.hamyar.domain.membership;

import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.testing.PostgresInitializer;
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
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the membership tests: one context on a real PostgreSQL, a clock fixed at
 * 2026-03-01 (10 Esfand 1404, so the youngest acceptable birth year is 1394), and generators of valid,
 * never-repeating national codes, phones and user ids (the tests share one database).
 */
@SpringBootTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(MembershipTestSupport.FixedClock.class)
@RecordApplicationEvents
abstract class MembershipTestSupport {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final int YOUNGEST_BIRTH_YEAR = 1394;

    private static final AtomicInteger CODES = new AtomicInteger(12_345_000);
    private static final AtomicInteger PHONES = new AtomicInteger(1_000_000);
    private static final AtomicLong USERS = new AtomicLong(7_000_000_000L);

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    Membership membership;

    @Autowired
    Regions regions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    static NationalCode newNationalCode() {
        String nine = String.format("%09d", CODES.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return new NationalCode(nine + (r < 2 ? r : 11 - r));
    }

    static PhoneNumber newPhone() {
        return PhoneNumber.parse("0912" + PHONES.incrementAndGet()).orElseThrow();
    }

    static long newUserId() {
        return USERS.incrementAndGet();
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

    /** A valid registration form on Telegram; tests change what they need. */
    Form form() {
        return new Form(Platform.TELEGRAM, newUserId(), newPhone(), newNationalCode(), tehran().id(),
                tehranCounty().id());
    }

    MemberView registered(Form form) {
        RegistrationResult result = membership.register(form.build());
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member();
    }

    int membersWithNationalCode(NationalCode code) {
        return jdbc.queryForObject("SELECT count(*) FROM member WHERE national_code = ?", Integer.class,
                code.value());
    }

    int accountsOfUser(long userId) {
        return jdbc.queryForObject("SELECT count(*) FROM member_account WHERE user_id = ?", Integer.class, userId);
    }

    static final class Form {
        Platform platform;
        long userId;
        long chatId;
        String fullName = "مریم احمدی";
        PhoneNumber phone;
        boolean phoneVerified = true;
        NationalCode nationalCode;
        int birthYear = 1370;
        String education = "BACHELOR";
        String expertise = "مهندسی عمران";
        int provinceId;
        int countyId;
        Set<String> interests = Set.of("social", "economic");
        String termsVersion = "2026-01";
        Instant termsAcceptedAt = NOW;
        String locale = "fa";
        String referralCode;

        Form(Platform platform, long userId, PhoneNumber phone, NationalCode nationalCode, int provinceId,
             int countyId) {
            this.platform = platform;
            this.userId = userId;
            this.chatId = userId;
            this.phone = phone;
            this.nationalCode = nationalCode;
            this.provinceId = provinceId;
            this.countyId = countyId;
        }

        Form platform(Platform p, long user) {
            this.platform = p;
            this.userId = user;
            this.chatId = user;
            return this;
        }

        Form fullName(String v) { fullName = v; return this; }

        Form phone(PhoneNumber v, boolean verified) { phone = v; phoneVerified = verified; return this; }

        Form nationalCode(NationalCode v) { nationalCode = v; return this; }

        Form birthYear(int v) { birthYear = v; return this; }

        Form education(String v) { education = v; return this; }

        Form expertise(String v) { expertise = v; return this; }

        Form region(int province, int county) { provinceId = province; countyId = county; return this; }

        Form interests(Set<String> v) { interests = v; return this; }

        Form terms(String version, Instant at) { termsVersion = version; termsAcceptedAt = at; return this; }

        Form locale(String v) { locale = v; return this; }

        Form referralCode(String v) { referralCode = v; return this; }

        Registration build() {
            return new Registration(platform, userId, chatId, fullName, phone, phoneVerified, nationalCode,
                    birthYear, education, expertise, provinceId, countyId, interests, termsVersion,
                    termsAcceptedAt, locale, referralCode);
        }
    }
}

package ir.hamyar.domain.broadcasting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), TEHRAN);

    static Instant tehran(String local) {
        return LocalDateTime.parse(local).atZone(TEHRAN).toInstant();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-01T21:59, 2026-12-01T21:59",
            "2026-12-01T22:00, 2026-12-02T08:00",
            "2026-12-01T23:30, 2026-12-02T08:00",
            "2026-12-02T00:00, 2026-12-02T08:00",
            "2026-12-02T07:59, 2026-12-02T08:00",
            "2026-12-02T08:00, 2026-12-02T08:00",
            "2026-12-02T12:00, 2026-12-02T12:00"})
    void holdsNightMessagesUntilTheMorningInTehran(String at, String allowed) {
        assertThat(NIGHT.nextAllowed(tehran(at))).isEqualTo(tehran(allowed));
        assertThat(NIGHT.contains(tehran(at))).isEqualTo(!at.equals(allowed));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01T13:00, true", "2026-12-01T15:00, false", "2026-12-01T12:59, false"})
    void aWindowWithinOneDayWorksToo(String at, boolean inside) {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), TEHRAN);
        assertThat(afternoon.contains(tehran(at))).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01T00:00", "2026-12-01T23:00"})
    void anEmptyWindowHoldsNothing(String at) {
        QuietHours off = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, TEHRAN);
        assertThat(off.nextAllowed(tehran(at))).isEqualTo(tehran(at));
    }
}

package ir.hamyar.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class JalaliDatesTests {

    // 2026-11-23 is Monday 2 Azar 1405; 10:00 UTC is 13:30 in Tehran (UTC+3:30, no daylight saving since 1401).
    private static final LocalDate GREGORIAN = LocalDate.of(2026, 11, 23);
    private static final Instant MORNING_UTC = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void formatsLongDatesInPersianWithPersianDigits() {
        assertThat(JalaliDates.formatLong(GREGORIAN, Texts.FA)).isEqualTo("دوشنبه ۲ آذر ۱۴۰۵");
        assertThat(JalaliDates.formatLong(MORNING_UTC, Texts.FA)).isEqualTo("دوشنبه ۲ آذر ۱۴۰۵");
    }

    @Test
    void formatsLongDatesInEnglishWithTheJalaliCalendar() {
        assertThat(JalaliDates.formatLong(GREGORIAN, Texts.EN)).isEqualTo("Monday 2 Azar 1405");
        assertThat(JalaliDates.formatLong(MORNING_UTC, Texts.EN)).isEqualTo("Monday 2 Azar 1405");
    }

    @Test
    void formatsShortDatesAndTimes() {
        assertThat(JalaliDates.formatShort(GREGORIAN, Texts.FA)).isEqualTo("۱۴۰۵/۰۹/۰۲");
        assertThat(JalaliDates.formatShort(GREGORIAN, Texts.EN)).isEqualTo("1405/09/02");
        assertThat(JalaliDates.formatShort(MORNING_UTC, Texts.EN)).isEqualTo("1405/09/02");
        assertThat(JalaliDates.formatDateTime(MORNING_UTC, Texts.FA)).isEqualTo("۱۴۰۵/۰۹/۰۲ ۱۳:۳۰");
        assertThat(JalaliDates.formatDateTime(MORNING_UTC, Texts.EN)).isEqualTo("1405/09/02 13:30");
    }

    @Test
    void usesTehranTimeToDecideTheDay() {
        // 21:00 UTC on 22 November is already 00:30 on 23 November (2 Azar) in Tehran.
        Instant lateEvening = Instant.parse("2026-11-22T21:00:00Z");
        assertThat(JalaliDates.formatShort(lateEvening, Texts.EN)).isEqualTo("1405/09/02");
        assertThat(JalaliDates.formatShort(lateEvening.minusSeconds(3600), Texts.EN)).isEqualTo("1405/09/01");
    }

    @Test
    void unknownLocalesGetPersian() {
        assertThat(JalaliDates.formatShort(GREGORIAN, java.util.Locale.GERMAN)).isEqualTo("۱۴۰۵/۰۹/۰۲");
    }

    @ParameterizedTest
    @CsvSource({
            "1405/09/02, 2026-11-23",
            "۱۴۰۵/۰۹/۰۲, 2026-11-23",
            "1405/9/2, 2026-11-23",
            "' 1405 / 09 / 02 ', 2026-11-23",
            "1405-09-02, 2026-11-23",
            "1403/12/30, 2025-03-20",
            "1404/01/01, 2025-03-21",
            "1405/01/01, 2026-03-21",
            "1405/06/31, 2026-09-22",
            "1375/05/15, 1996-08-05",
            "1399/12/30, 2021-03-20"})
    void parsesRealJalaliDates(String input, LocalDate expected) {
        assertThat(JalaliDates.parseDate(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1405/12/30", "1404/12/30", "1405/07/31", "1405/13/01", "1405/00/10", "1405/09/00",
            "1405/09/32", "05/09/02", "1405/09", "1405/09/02/01", "14050902", "فردا", "1405/ab/02", "2026-11-23x",
            "1405/09/02 18:30", "-1405/09/02"})
    void rejectsWhatIsNotARealJalaliDate(String input) {
        assertThat(JalaliDates.parseDate(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "1405/09/10 18:30, 2026-12-01T18:30",
            "۱۴۰۵/۰۹/۱۰ ۱۸:۳۰, 2026-12-01T18:30",
            "1405/9/10 8:05, 2026-12-01T08:05",
            "1405/09/10  00:00, 2026-12-01T00:00",
            "1403/12/30 23:59, 2025-03-20T23:59"})
    void parsesDateTimesAsTehranWallClockTime(String input, LocalDateTime expected) {
        assertThat(JalaliDates.parseDateTime(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1405/09/10", "1405/09/10 24:00", "1405/09/10 18:60", "1405/12/30 10:00",
            "1405/09/10 18", "1405/09/10 18:3", "18:30 1405/09/10", "1405/09/10 ab:cd"})
    void rejectsWhatIsNotARealDateTime(String input) {
        assertThat(JalaliDates.parseDateTime(input)).isEmpty();
    }

    @Test
    void parsedDateTimeIsTehranWallClock() {
        LocalDateTime wallClock = JalaliDates.parseDateTime("1405/09/10 18:30").orElseThrow();
        ZonedDateTime inTehran = wallClock.atZone(JalaliDates.TEHRAN);
        assertThat(inTehran.toInstant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(JalaliDates.formatDateTime(inTehran.toInstant(), Texts.EN)).isEqualTo("1405/09/10 18:30");
    }

    @Test
    void knowsTheJalaliYearAtTheNewYearInTehran() {
        // Nowruz 1405 began on 2026-03-21 (Tehran midnight = 2026-03-20T20:30Z).
        assertThat(JalaliDates.currentJalaliYear(Instant.parse("2026-03-20T20:29:59Z"))).isEqualTo(1404);
        assertThat(JalaliDates.currentJalaliYear(Instant.parse("2026-03-20T20:30:00Z"))).isEqualTo(1405);
        assertThat(JalaliDates.currentJalaliYear(MORNING_UTC)).isEqualTo(1405);
    }

    @ParameterizedTest
    @CsvSource({"1375, 1375", "۱۳۷۵, 1375", "' ١٣٧٥ ', 1375", "1405, 1405"})
    void parsesTypedYears(String input, int expected) {
        assertThat(JalaliDates.parseJalaliYear(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"75", "13750", "0375", "سال", "1375a", "-1375", "1,375"})
    void rejectsWhatIsNotAFourDigitYear(String input) {
        assertThat(JalaliDates.parseJalaliYear(input)).isEmpty();
    }
}

package ir.hamyar.messages;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.JulianFields;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jalali (Persian solar hijri) dates through ICU4J, in Tehran time.
 *
 * <p>Persian output uses Persian digits (ICU's default numbering for {@code fa}); English output uses the
 * Jalali calendar with English month names and ASCII digits. Parsing is strict: ICU's non-lenient calendar
 * refuses a day that does not exist (30 Esfand of a common year, 31 Mehr, month 13). All calendar arithmetic
 * is ICU's; {@link LocalDate} values are Gregorian and are exchanged with ICU by Julian day number, which
 * needs no time zone.
 */
public final class JalaliDates {

    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private static final TimeZone ICU_TEHRAN = TimeZone.getTimeZone("Asia/Tehran", TimeZone.TIMEZONE_ICU);
    private static final ULocale FA = new ULocale("fa_IR@calendar=persian");
    private static final ULocale EN = new ULocale("en@calendar=persian");

    private static final String LONG = "EEEE d MMMM y";
    private static final String SHORT = "y/MM/dd";
    private static final String DATE_TIME = "y/MM/dd HH:mm";
    private static final String DAY_MONTH = "d MMMM";

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[/\\-]\\s*(\\d{1,2})\\s*[/\\-]\\s*(\\d{1,2})");
    private static final Pattern DATE_TIME_INPUT = Pattern.compile(DATE.pattern() + "\\s*(?:\\s|T|,)\\s*(\\d{1,2}):(\\d{2})");
    private static final Map<String, SimpleDateFormat> PROTOTYPES = new ConcurrentHashMap<>();

    private static final Pattern YEAR = Pattern.compile("[1-9]\\d{3}");

    private JalaliDates() {
    }

    /** For example {@code Monday 2 Azar 1405}, in Persian with Persian digits. */
    public static String formatLong(Instant instant, Locale locale) {
        return format(LONG, locale, instant);
    }

    public static String formatLong(LocalDate date, Locale locale) {
        return format(LONG, locale, date);
    }

    /** For example {@code 1405/09/02} (Persian digits in Persian). */
    public static String formatShort(LocalDate date, Locale locale) {
        return format(SHORT, locale, date);
    }

    public static String formatShort(Instant instant, Locale locale) {
        return format(SHORT, locale, instant);
    }

    /** Day and month name, for example {@code 8 Farvardin} (Persian digits in Persian): short chart labels. */
    public static String formatDayMonth(LocalDate date, Locale locale) {
        return format(DAY_MONTH, locale, date);
    }

    /** Date and 24-hour Tehran time, for example {@code 1405/09/10 18:30} (Persian digits in Persian). */
    public static String formatDateTime(Instant instant, Locale locale) {
        return format(DATE_TIME, locale, instant);
    }

    /**
     * A typed Jalali date ({@code 1405/09/02}, {@code 1405/9/2}, also with '-', in any digit set) as the
     * Gregorian {@link LocalDate}; empty when it is not a real Jalali date or not a date at all.
     */
    public static Optional<LocalDate> parseDate(String input) {
        Matcher m = DATE.matcher(PersianText.normalize(input));
        if (!m.matches()) {
            return Optional.empty();
        }
        return toLocalDate(m.group(1), m.group(2), m.group(3));
    }

    /**
     * A typed Jalali date and time ({@code 1405/09/10 18:30}) as Tehran wall-clock time (Gregorian date);
     * convert with {@code atZone(JalaliDates.TEHRAN)} for an instant.
     */
    public static Optional<LocalDateTime> parseDateTime(String input) {
        Matcher m = DATE_TIME_INPUT.matcher(PersianText.normalize(input));
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return toLocalDate(m.group(1), m.group(2), m.group(3))
                .map(date -> date.atTime(LocalTime.of(hour, minute)));
    }

    /** The Jalali year in Tehran at that instant. */
    public static int currentJalaliYear(Instant now) {
        Calendar cal = calendar(FA);
        cal.setTimeInMillis(now.toEpochMilli());
        return cal.get(Calendar.EXTENDED_YEAR);
    }

    /**
     * A typed four-digit year ({@code 1375}, in any digit set); plausibility (not in the future, not too old) is
     * the caller's rule.
     */
    public static Optional<Integer> parseJalaliYear(String input) {
        String s = PersianText.normalize(input);
        return YEAR.matcher(s).matches() ? Optional.of(Integer.parseInt(s)) : Optional.empty();
    }

    private static Optional<LocalDate> toLocalDate(String year, String month, String day) {
        Calendar cal = calendar(FA);
        cal.clear();
        cal.setLenient(false);
        cal.set(Calendar.EXTENDED_YEAR, Integer.parseInt(year));
        cal.set(Calendar.MONTH, Integer.parseInt(month) - 1);
        cal.set(Calendar.DAY_OF_MONTH, Integer.parseInt(day));
        try {
            int julianDay = cal.get(Calendar.JULIAN_DAY);
            return Optional.of(LocalDate.MIN.with(JulianFields.JULIAN_DAY, julianDay));
        } catch (IllegalArgumentException notADay) {
            return Optional.empty();
        }
    }

    private static String format(String pattern, Locale locale, Instant instant) {
        return formatter(pattern, locale).format(Date.from(instant));
    }

    private static String format(String pattern, Locale locale, LocalDate date) {
        Calendar cal = calendar(uLocale(locale));
        cal.clear();
        cal.set(Calendar.JULIAN_DAY, Math.toIntExact(date.getLong(JulianFields.JULIAN_DAY)));
        return formatter(pattern, locale).format(cal);
    }

    // SimpleDateFormat is not thread-safe: each call formats with its own clone of a never-used prototype,
    // which is much cheaper than building the locale's symbols again.
    private static SimpleDateFormat formatter(String pattern, Locale locale) {
        ULocale uLocale = uLocale(locale);
        SimpleDateFormat prototype = PROTOTYPES.computeIfAbsent(pattern + '|' + uLocale, key -> {
            SimpleDateFormat format = new SimpleDateFormat(pattern, uLocale);
            format.setCalendar(calendar(uLocale));
            return format;
        });
        return (SimpleDateFormat) prototype.clone();
    }

    private static Calendar calendar(ULocale locale) {
        return Calendar.getInstance(ICU_TEHRAN, locale);
    }

    private static ULocale uLocale(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : FA;
    }
}

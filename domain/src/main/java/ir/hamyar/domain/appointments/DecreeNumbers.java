package ir.hamyar.domain.appointments;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Decree numbers {@code <Jalali year>/<number in the year, 6 digits>}. {@link #lockYear} takes the year's
 * counter row lock first, so every issuing transaction of the year runs its checks and takes its number one
 * at a time: no duplicate, no gap from a refused decree, and no two managers slipping into one office.
 */
@Component
class DecreeNumbers {

    private static final ULocale JALALI = new ULocale("fa_IR@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

    private final JdbcClient jdbc;

    DecreeNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static int jalaliYear(Instant at) {
        Calendar calendar = Calendar.getInstance(TEHRAN, JALALI);
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar.get(Calendar.EXTENDED_YEAR);
    }

    /** Locks the year's counter until the transaction ends; returns the year. */
    int lockYear(Instant at) {
        int year = jalaliYear(at);
        jdbc.sql("INSERT INTO decree_sequence (jalali_year, last_value) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(year).update();
        jdbc.sql("SELECT last_value FROM decree_sequence WHERE jalali_year = ? FOR UPDATE").param(year)
                .query(Long.class).single();
        return year;
    }

    /** The next number of a year locked by {@link #lockYear}. */
    String next(int year) {
        jdbc.sql("UPDATE decree_sequence SET last_value = last_value + 1 WHERE jalali_year = ?").param(year).update();
        long value = jdbc.sql("SELECT last_value FROM decree_sequence WHERE jalali_year = ?").param(year)
                .query(Long.class).single();
        return year + "/" + String.format("%06d", value);
    }
}

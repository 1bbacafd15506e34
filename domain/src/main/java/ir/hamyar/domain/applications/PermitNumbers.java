package ir.hamyar.domain.applications;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Founding permit numbers {@code P1405-00012}: a yearly (Jalali) sequence bumped under the year's row lock. */
@Component
class PermitNumbers {

    private static final ULocale JALALI = new ULocale("fa_IR@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

    private final JdbcClient jdbc;

    PermitNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(Instant at) {
        Calendar calendar = Calendar.getInstance(TEHRAN, JALALI);
        calendar.setTimeInMillis(at.toEpochMilli());
        int year = calendar.get(Calendar.EXTENDED_YEAR);
        jdbc.sql("INSERT INTO permit_sequence (jalali_year, last_value) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(year).update();
        jdbc.sql("UPDATE permit_sequence SET last_value = last_value + 1 WHERE jalali_year = ?").param(year).update();
        long value = jdbc.sql("SELECT last_value FROM permit_sequence WHERE jalali_year = ?").param(year)
                .query(Long.class).single();
        return "P" + year + "-" + String.format("%05d", value);
    }
}

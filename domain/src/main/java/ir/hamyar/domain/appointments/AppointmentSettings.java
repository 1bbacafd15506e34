package ir.hamyar.domain.appointments;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;

/**
 * {@code hamyar.appointments.*}: the default term (one year; no term is open-ended), the longest term
 * allowed, and the reminder offsets before a term ends.
 */
@ConfigurationProperties("hamyar.appointments")
public record AppointmentSettings(Period defaultTerm, Period maxTerm, Integer firstReminderDays,
                                  Integer lastReminderDays) {

    public AppointmentSettings {
        defaultTerm = defaultTerm == null ? Period.ofYears(1) : defaultTerm;
        maxTerm = maxTerm == null ? Period.ofYears(4) : maxTerm;
        firstReminderDays = firstReminderDays == null ? 30 : firstReminderDays;
        lastReminderDays = lastReminderDays == null ? 7 : lastReminderDays;
    }
}

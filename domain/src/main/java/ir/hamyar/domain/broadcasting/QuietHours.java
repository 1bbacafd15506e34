package ir.hamyar.domain.broadcasting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window of local time in which non-urgent messages wait, e.g. 22:00–08:00 in Tehran. The window
 * may cross midnight; a window whose start equals its end is empty (quiet hours switched off network-wide).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        if (start == null || end == null || zone == null) {
            throw new IllegalArgumentException("quiet hours need a start, an end and a zone");
        }
    }

    public boolean contains(Instant instant) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code instant} itself when it is outside the window, else the window's end. */
    public Instant nextAllowed(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}

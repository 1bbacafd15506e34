package ir.hamyar.domain.statistics;

import java.time.Duration;
import java.time.LocalDate;

/** The records {@link Statistics} answers with. */
public final class Figures {

    private Figures() {
    }

    /** Active members living in a province or county. */
    public record RegionCount(int regionId, String name, long members) {
    }

    /** Registrations in the Tehran week (Saturday to Friday) starting on {@code weekStart}. */
    public record WeekCount(LocalDate weekStart, long registrations) {
    }

    /** Reports with a status or category code. */
    public record CodeCount(String code, long reports) {
    }

    /**
     * An office's first responses to reports filed in the window: how many were answered and their median time
     * from filing to the first response; {@code awaiting} still have none ({@code median} is null when none was
     * answered).
     */
    public record OfficeResponse(long officeId, String officeName, int responded, int awaiting, Duration median) {
    }

    /** Courses offered in scope, the seats taken in them, and the completions. */
    public record CourseFigures(long courses, long open, long finished, long enrolments, long completions) {
    }

    /** Appointments in force, and those whose term ends within the next {@code withinDays} days (today included). */
    public record AppointmentFigures(long active, long expiringSoon, int withinDays) {
    }
}

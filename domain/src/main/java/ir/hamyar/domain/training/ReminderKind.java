package ir.hamyar.domain.training;

/** The day-before and the hour-before reminder of a session. */
public enum ReminderKind {
    DAY, HOUR
}

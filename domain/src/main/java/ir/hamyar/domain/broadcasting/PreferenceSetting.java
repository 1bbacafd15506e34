package ir.hamyar.domain.broadcasting;

/** One switch of a member's delivery preferences (the {@code /settings} toggles). */
public enum PreferenceSetting {
    ANNOUNCEMENTS,
    COURSE_NEWS,
    REMINDERS,
    QUIET_HOURS
}

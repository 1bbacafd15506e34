package ir.hamyar.domain.broadcasting;

/** A member's delivery preferences; a member who never changed them gets everything, with quiet hours on. */
public record PreferenceView(long memberId, boolean announcements, boolean courseNews, boolean reminders,
                             boolean quietHours) {

    static PreferenceView defaults(long memberId) {
        return new PreferenceView(memberId, true, true, true, true);
    }

    public boolean isOn(PreferenceSetting setting) {
        return switch (setting) {
            case ANNOUNCEMENTS -> announcements;
            case COURSE_NEWS -> courseNews;
            case REMINDERS -> reminders;
            case QUIET_HOURS -> quietHours;
        };
    }

    /** Whether a message of this kind reaches the member at all (quiet hours aside). */
    public boolean allows(DeliveryKind kind) {
        return switch (kind) {
            case DECREE, REPORT_STATUS -> true;
            case ANNOUNCEMENT -> announcements;
            case COURSE_NEWS -> courseNews;
            case REMINDER -> reminders;
        };
    }
}

package ir.hamyar.domain.broadcasting;

/**
 * What a message to a member is, for the member's delivery preferences. Decrees and the statuses of the
 * member's own reports are always delivered at once; the others respect opt-outs and quiet hours.
 */
public enum DeliveryKind {
    DECREE(false),
    REPORT_STATUS(false),
    ANNOUNCEMENT(true),
    COURSE_NEWS(true),
    REMINDER(true);

    private final boolean optional;

    DeliveryKind(boolean optional) {
        this.optional = optional;
    }

    /** Whether a member may opt out of this kind, and quiet hours delay it. */
    public boolean optional() {
        return optional;
    }
}

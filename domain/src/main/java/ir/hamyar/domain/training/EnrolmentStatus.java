package ir.hamyar.domain.training;

import java.util.Set;

/**
 * ENROLLED, OFFERED (promoted from the waitlist, holding a seat until the offer expires) and PENDING_APPROVAL hold
 * a seat; WAITLISTED waits for one. COMPLETED and NOT_COMPLETED are the results of a finished course.
 */
public enum EnrolmentStatus {
    ENROLLED, WAITLISTED, OFFERED, PENDING_APPROVAL, CANCELLED, COMPLETED, NOT_COMPLETED;

    public static final Set<EnrolmentStatus> HOLDING_A_SEAT = Set.of(ENROLLED, OFFERED, PENDING_APPROVAL);

    public boolean active() {
        return this == ENROLLED || this == WAITLISTED || this == OFFERED || this == PENDING_APPROVAL;
    }
}

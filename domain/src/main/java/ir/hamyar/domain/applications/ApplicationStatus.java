package ir.hamyar.domain.applications;

/** SUBMITTED and WAITING_FOR_APPLICANT are open; the others are final. */
public enum ApplicationStatus {
    SUBMITTED,
    WAITING_FOR_APPLICANT,
    APPROVED,
    REJECTED,
    EXPIRED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == SUBMITTED || this == WAITING_FOR_APPLICANT;
    }
}

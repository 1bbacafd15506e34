package ir.hamyar.domain.appointments;

/** Why an appointment (or its renewal or revocation) was refused; nothing changed. */
public enum Refusal {
    NO_SUCH_MEMBER,
    MEMBER_NOT_ACTIVE,
    TRAINING_NOT_COMPLETED,
    NO_SUCH_OFFICE,
    OFFICE_NOT_ACTIVE,
    /** the member already holds an active role in this office */
    CONFLICTING_ROLE,
    /** the office already has an active manager */
    OFFICE_HAS_MANAGER,
    /** the term is missing, inverted, longer than allowed or already over */
    INVALID_TERM,
    INVALID_ROLE,
    NO_SUCH_APPOINTMENT,
    NOT_ACTIVE,
    REASON_REQUIRED
}

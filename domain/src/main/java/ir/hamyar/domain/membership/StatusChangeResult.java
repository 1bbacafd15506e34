package ir.hamyar.domain.membership;

/** The outcome of {@link Membership#suspend} and {@link Membership#reinstate}. */
public enum StatusChangeResult {
    CHANGED,
    /** Already in the requested status: nothing to do. */
    UNCHANGED,
    NO_SUCH_MEMBER,
    /** The member is in a status this change does not apply to (left or erased). */
    NOT_ALLOWED
}

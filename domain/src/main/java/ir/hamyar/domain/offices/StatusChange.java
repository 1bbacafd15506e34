package ir.hamyar.domain.offices;

/** The outcome of {@link Offices#changeStatus}. */
public enum StatusChange {
    CHANGED,
    UNCHANGED,
    NO_SUCH_OFFICE,
    /** a closed office stays closed */
    NOT_ALLOWED,
    /** reactivation refused: another office is now active for that region */
    REGION_ALREADY_HAS_OFFICE
}

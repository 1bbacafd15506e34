package ir.hamyar.domain.offices;

/** Only ACTIVE offices receive reports and appear in routes; a SUSPENDED one may be reactivated. */
public enum OfficeStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}

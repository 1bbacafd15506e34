package ir.hamyar.domain.appointments;

/** ACTIVE until its term ends (EXPIRED), it is revoked (REVOKED) or continued by a new decree (RENEWED). */
public enum AppointmentStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    RENEWED
}

package ir.hamyar.domain.appointments;

/** {@code previousId} ended (RENEWED) and {@code appointmentId} continues the role with a new decree. */
public record AppointmentRenewed(long previousId, long appointmentId, long memberId, long officeId) {
}

package ir.hamyar.domain.appointments;

/** A decree was issued (also for the new decree of a renewal, with {@code renewalOf} set). */
public record AppointmentIssued(long appointmentId, long memberId, long officeId, AppointmentRole role,
                                Long renewalOf) {
}

package ir.hamyar.domain.appointments;

/** A reminder is due: the term ends in {@code daysLeft} days (30 or 7 reminders, each sent once). */
public record AppointmentEndingSoon(long appointmentId, long memberId, long officeId, int daysLeft) {
}

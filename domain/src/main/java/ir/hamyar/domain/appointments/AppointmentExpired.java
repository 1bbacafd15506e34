package ir.hamyar.domain.appointments;

public record AppointmentExpired(long appointmentId, long memberId, long officeId) {
}

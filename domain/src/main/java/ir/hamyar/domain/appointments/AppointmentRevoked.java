package ir.hamyar.domain.appointments;

public record AppointmentRevoked(long appointmentId, long memberId, long officeId, String reason) {
}

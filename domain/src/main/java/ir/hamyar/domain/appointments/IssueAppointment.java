package ir.hamyar.domain.appointments;

import java.time.LocalDate;

/**
 * A decree to issue. A null {@code termStart} means today (Asia/Tehran); a null {@code termEnd} means the
 * configured default term ({@code hamyar.appointments.default-term}, one year) after the start.
 */
public record IssueAppointment(long memberId, long officeId, AppointmentRole role, LocalDate termStart,
                               LocalDate termEnd, Issuer issuer) {
}

package ir.hamyar.domain.appointments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appointment. The term runs from {@code termStart} to {@code termEnd}, both inclusive, as dates in
 * Asia/Tehran. {@code decreeNo} reads {@code 1405/000123} (Jalali year / number in that year).
 */
public record AppointmentView(long id, long memberId, long officeId, AppointmentRole role,
                              AppointmentStatus status, LocalDate termStart, LocalDate termEnd, String decreeNo,
                              Instant issuedAt, Long issuedByMember, Long renewalOf, Instant endedAt,
                              String endReason) {

    public boolean isActive() {
        return status == AppointmentStatus.ACTIVE;
    }
}

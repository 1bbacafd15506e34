package ir.hamyar.domain.audit;

/**
 * One decision to record. {@code action} is a stable code ({@code APPLICATION_APPROVED}); {@code subjectType}
 * names what it was about ({@code APPLICATION}, {@code APPOINTMENT}, {@code OFFICE}, {@code REPORT}…).
 */
public record AuditRecord(Actor actor, String action, String subjectType, Long subjectId, Long officeId,
                          String reason) {
}

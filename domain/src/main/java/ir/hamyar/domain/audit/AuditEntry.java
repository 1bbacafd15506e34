package ir.hamyar.domain.audit;

import java.time.Instant;

/** A recorded decision. */
public record AuditEntry(long id, Instant at, Actor actor, String action, String subjectType, Long subjectId,
                         Long officeId, String reason) {
}

package ir.hamyar.domain.audit;

import java.time.Instant;

/** Which entries to list; null fields do not filter. Newest first, at most {@code limit} (1–500, default 50). */
public record AuditFilter(String subjectType, Long subjectId, Long officeId, Long actorMemberId, String action,
                          Instant from, Instant to, Integer limit) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public static AuditFilter subject(String type, long id) {
        return new AuditFilter(type, id, null, null, null, null, null, null);
    }

    public static AuditFilter office(long officeId) {
        return new AuditFilter(null, null, officeId, null, null, null, null, null);
    }
}

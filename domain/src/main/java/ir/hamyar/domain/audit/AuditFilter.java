package ir.hamyar.domain.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries to list; null fields do not filter. Newest first, at most {@code limit} (1–500, default 50), after
 * skipping {@code offset} entries (for paging).
 *
 * @param officeIds entries of any of these offices (a manager's scope); an empty set matches nothing
 */
public record AuditFilter(String subjectType, Long subjectId, Long officeId, Long actorMemberId, String action,
                          Instant from, Instant to, Integer limit, Set<Long> officeIds, Integer offset) {

    public AuditFilter {
        officeIds = officeIds == null ? null : Set.copyOf(officeIds);
    }

    public AuditFilter(String subjectType, Long subjectId, Long officeId, Long actorMemberId, String action,
                       Instant from, Instant to, Integer limit) {
        this(subjectType, subjectId, officeId, actorMemberId, action, from, to, limit, null, null);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public static AuditFilter subject(String type, long id) {
        return new AuditFilter(type, id, null, null, null, null, null, null);
    }

    public static AuditFilter office(long officeId) {
        return new AuditFilter(null, null, officeId, null, null, null, null, null);
    }

    public AuditFilter withOffices(Set<Long> ids) {
        return new AuditFilter(subjectType, subjectId, officeId, actorMemberId, action, from, to, limit, ids, offset);
    }

    public AuditFilter withAction(String code) {
        return new AuditFilter(subjectType, subjectId, officeId, actorMemberId, code, from, to, limit, officeIds,
                offset);
    }

    public AuditFilter withActor(Long memberId) {
        return new AuditFilter(subjectType, subjectId, officeId, memberId, action, from, to, limit, officeIds, offset);
    }

    public AuditFilter withOffice(Long id) {
        return new AuditFilter(subjectType, subjectId, id, actorMemberId, action, from, to, limit, officeIds, offset);
    }

    public AuditFilter page(int size, int skip) {
        return new AuditFilter(subjectType, subjectId, officeId, actorMemberId, action, from, to, size, officeIds,
                skip);
    }
}

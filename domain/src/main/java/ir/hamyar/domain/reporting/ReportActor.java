package ir.hamyar.domain.reporting;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.shared.Platform;

/**
 * Who acts on a report: a member (checked to be a manager of the office concerned), or an administrator of
 * the network (vouched for by the caller, e.g. from the bot's authorisation check; may have no member id). The
 * messenger account, when known, names the actor in the audit trail.
 */
public record ReportActor(Long memberId, boolean admin, Platform platform, Long userId) {

    public ReportActor(Long memberId, boolean admin) {
        this(memberId, admin, null, null);
    }

    public static ReportActor member(long memberId) {
        return new ReportActor(memberId, false);
    }

    public static ReportActor admin(Long memberIdOrNull) {
        return new ReportActor(memberIdOrNull, true);
    }

    public static ReportActor admin(Platform platform, long userId, Long memberIdOrNull) {
        return new ReportActor(memberIdOrNull, true, platform, userId);
    }

    /** The actor as the audit trail names it. */
    public Actor auditActor() {
        return new Actor(memberId, platform, platform == null ? null : userId);
    }
}

package ir.hamyar.bot.notify;

import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a member's erasure means beyond their own rows: their appointments end (revoked with a reason code, so
 * the office sees the post is free) and the erasure is recorded in the audit trail. Reports and enrolments are
 * handled by their own modules' listeners.
 */
@Component
class ErasureFollowUp {

    static final String REASON = "MEMBER_ERASED";

    private final Appointments appointments;
    private final AuditTrail audit;

    ErasureFollowUp(Appointments appointments, AuditTrail audit) {
        this.appointments = appointments;
        this.audit = audit;
    }

    @ApplicationModuleListener(id = "membership.erasure-follow-up")
    void on(MemberErased erased) {
        for (AppointmentView a : appointments.activeOf(erased.memberId())) {
            appointments.revoke(a.id(), REASON, Issuer.system());
        }
        audit.record(Actor.system(), "MEMBER_ERASED", "member", erased.memberId(), null, null);
    }
}

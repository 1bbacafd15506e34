package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.reporting.ReportActor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who is pressing or typing, as the reporting domain judges actors: one {@link Access} lets manage reports
 * network-wide (an admin), an active member who may manage reports somewhere (the domain then checks the report's
 * office, escalations included), or nobody.
 */
@Component
class ReportActors {

    private final Membership membership;
    private final Access access;

    ReportActors(Membership membership, Access access) {
        this.membership = membership;
        this.access = access;
    }

    Optional<ReportActor> of(Session s) {
        Caller caller = access.caller(s);
        Scope scope = access.scope(caller, Action.MANAGE_REPORTS);
        if (scope.network()) {
            return Optional.of(ReportActor.admin(s.platform(), s.userId(), caller.memberId().orElse(null)));
        }
        // Which report an office manager may act on depends on the report (its office, how far it escalated):
        // the domain judges that against appointments in force.
        return caller.memberView().filter(MemberView::isActive).map(m -> ReportActor.member(m.id()));
    }

    Optional<MemberView> member(Session s) {
        return membership.findByAccount(s.platform(), s.userId());
    }

    /** Whether the speaker sees the admins' queue (reports no office holds). */
    boolean isAdmin(Session s) {
        return access.scope(access.caller(s), Action.MANAGE_REPORTS).network();
    }

    /** The offices whose open reports the speaker lists in {@code /reports}: those they manage themselves. */
    List<Long> ownOffices(Session s) {
        Caller caller = access.caller(s);
        return caller.managed().stream().map(o -> o.id()).filter(id -> access.may(caller, Action.MANAGE_REPORTS, id))
                .toList();
    }

    /** Whether the speaker may list this office's reports. */
    boolean mayList(Session s, long officeId) {
        return access.may(access.caller(s), Action.MANAGE_REPORTS, officeId);
    }

    /** The numeric id after {@code head} in callback data, or empty for anything else (forgeries included). */
    static Optional<Long> idAfter(String data, String head) {
        if (data == null || !data.startsWith(head)) {
            return Optional.empty();
        }
        String rest = data.substring(head.length());
        int colon = rest.indexOf(':');
        String digits = colon < 0 ? rest : rest.substring(0, colon);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}

package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.Reviewer;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Turns the caller, as {@link Access} judges it, into the actors the offices, applications and appointments
 * domains accept. Every decision is {@link Access}'s, asked afresh for every press and every step.
 */
@Component
class Authority {

    private final Access access;
    private final Applications applications;

    Authority(Access access, Applications applications) {
        this.access = access;
        this.applications = applications;
    }

    /** The speaker as an active member. */
    Optional<MemberView> activeMember(Session s) {
        return access.caller(s).memberView().filter(MemberView::isActive);
    }

    Optional<Long> memberId(Session s) {
        return access.caller(s).memberId();
    }

    boolean may(Session s, Action action) {
        return access.may(access.caller(s), action);
    }

    /** Whether the speaker may do the action anywhere in the network (admins; reviewers for applications). */
    boolean networkWide(Session s, Action action) {
        return access.scope(access.caller(s), action).network();
    }

    /** The provinces the speaker may do the action in as a whole (empty for network-wide callers). */
    List<Integer> provinces(Session s, Action action) {
        return access.scope(access.caller(s), action).provinceIds().stream().sorted().toList();
    }

    /** The speaker as a reviewer of this application, if they may decide on it now. */
    Optional<Reviewer> reviewerOf(Session s, long applicationId) {
        Optional<ApplicationView> app = applications.find(applicationId);
        Caller caller = access.caller(s);
        if (app.isEmpty() || !access.mayInProvince(caller, Action.REVIEW_APPLICATION, app.get().provinceId())) {
            return Optional.empty();
        }
        Optional<Long> member = caller.memberView().filter(MemberView::isActive).map(MemberView::id);
        Reviewer reviewer = access.scope(caller, Action.REVIEW_APPLICATION).network()
                ? Reviewer.network(s.platform(), s.userId(), member.orElse(null))
                : member.map(Reviewer::member).orElse(null);
        return reviewer != null && applications.mayReview(reviewer, applicationId)
                ? Optional.of(reviewer) : Optional.empty();
    }

    /** The speaker as one who may issue, renew or revoke appointments in this office. */
    Optional<Issuer> appointerFor(Session s, long officeId) {
        Caller caller = access.caller(s);
        Scope scope = access.scope(caller, Action.ISSUE_APPOINTMENT);
        if (!scope.covers(officeId)) {
            return Optional.empty();
        }
        Optional<Long> member = caller.memberView().filter(MemberView::isActive).map(MemberView::id);
        return scope.network() ? Optional.of(Issuer.admin(s.platform(), s.userId(), member.orElse(null)))
                : member.map(Issuer::member);
    }

    /** The offices whose group the speaker may link: those they manage themselves (admins link from there too). */
    List<OfficeView> ownOffices(Session s) {
        Caller caller = access.caller(s);
        return caller.managed().stream().filter(o -> access.may(caller, Action.LINK_OFFICE_GROUP, o.id())).toList();
    }

    /** Whether the speaker may link or unlink the office's manager group. */
    boolean managesOffice(Session s, long officeId) {
        return access.may(access.caller(s), Action.LINK_OFFICE_GROUP, officeId);
    }
}

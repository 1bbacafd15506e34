package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.training.CourseView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may create and run courses, as {@link Access} decides {@link Action#MANAGE_COURSES} on every update: admins
 * (any course, national ones too) and the managers of an office (its courses, and new ones for it; a province
 * office's manager also for the offices of the province). A manager whose term ended loses them at once.
 */
@Component
class CourseAuthority {

    private final Access access;

    CourseAuthority(Access access) {
        this.access = access;
    }

    private Scope scope(Session s) {
        return access.scope(access.caller(s), Action.MANAGE_COURSES);
    }

    /** Network-wide: national courses and every office's. */
    boolean isAdmin(Session s) {
        return scope(s).network();
    }

    Optional<MemberView> member(Session s) {
        return access.caller(s).memberView();
    }

    Optional<Long> activeMemberId(Session s) {
        Caller caller = access.caller(s);
        return caller.memberView().filter(MemberView::isActive).map(MemberView::id);
    }

    /** Offices the speaker manages courses for by appointment (empty for non-members and network-wide callers). */
    List<Long> managedOffices(Session s) {
        return scope(s).offices().stream().map(o -> o.id()).toList();
    }

    boolean mayCreate(Session s) {
        return !scope(s).isEmpty();
    }

    boolean mayCreateFor(Session s, Long officeId) {
        Scope scope = scope(s);
        return scope.network() || officeId != null && scope.covers(officeId);
    }

    /** Admins run every course; an office's managers run its courses while their appointment lasts. */
    boolean mayManage(Session s, CourseView c) {
        return mayCreateFor(s, c.officeId());
    }
}

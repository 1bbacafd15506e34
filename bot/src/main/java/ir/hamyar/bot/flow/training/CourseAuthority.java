package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.admin.Admins;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.training.CourseView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may create and run courses, decided from the database on every update: admins (any course) and the
 * managers of an office (its courses, and new ones for it). A manager whose term ended loses them at once.
 */
@Component
class CourseAuthority {

    private final Admins admins;
    private final Membership membership;
    private final Appointments appointments;

    CourseAuthority(Admins admins, Membership membership, Appointments appointments) {
        this.admins = admins;
        this.membership = membership;
        this.appointments = appointments;
    }

    boolean isAdmin(Session s) {
        return admins.isAdmin(s.platform(), s.userId());
    }

    Optional<MemberView> member(Session s) {
        return membership.findByAccount(s.platform(), s.userId());
    }

    Optional<Long> activeMemberId(Session s) {
        return member(s).filter(MemberView::isActive).map(MemberView::id);
    }

    /** Offices the speaker manages now (empty for non-members). */
    List<Long> managedOffices(Session s) {
        return activeMemberId(s).map(appointments::officesManagedBy).orElse(List.of());
    }

    boolean mayCreate(Session s) {
        return isAdmin(s) || !managedOffices(s).isEmpty();
    }

    boolean mayCreateFor(Session s, Long officeId) {
        if (isAdmin(s)) {
            return true;
        }
        return officeId != null && activeMemberId(s).map(m -> appointments.isManagerOf(m, officeId)).orElse(false);
    }

    /** Admins run every course; an office's managers run its courses while their appointment lasts. */
    boolean mayManage(Session s, CourseView c) {
        if (isAdmin(s)) {
            return true;
        }
        return c.officeId() != null
                && activeMemberId(s).map(m -> appointments.isManagerOf(m, c.officeId())).orElse(false);
    }
}

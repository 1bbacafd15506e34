package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.admin.Admins;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who may broadcast to whom: admins to any audience; an active member holding a MANAGER appointment in force to
 * the members of the offices they manage, and to nothing else. The one place the broadcast flow, the cancel
 * button and the scheduler ask, so that it can later be routed through a central authorisation service.
 */
@Component
class BroadcastAuthority {

    private final Admins admins;
    private final Membership membership;
    private final Appointments appointments;

    BroadcastAuthority(Admins admins, Membership membership, Appointments appointments) {
        this.admins = admins;
        this.membership = membership;
        this.appointments = appointments;
    }

    boolean isAdmin(Platform platform, long userId) {
        return admins.isAdmin(platform, userId);
    }

    /** The member behind this account, if any (whatever their status): the audit trail names them. */
    Optional<Long> memberId(Platform platform, long userId) {
        return membership.findByAccount(platform, userId).map(MemberView::id);
    }

    /**
     * The offices this account manages now: an ACTIVE appointment of role MANAGER whose term covers today, held
     * by an active member. Deputies and working-group leads do not broadcast.
     */
    List<Long> managedOffices(Platform platform, long userId) {
        Optional<MemberView> member = membership.findByAccount(platform, userId).filter(MemberView::isActive);
        if (member.isEmpty()) {
            return List.of();
        }
        LocalDate today = appointments.today();
        return appointments.activeOf(member.get().id()).stream()
                .filter(a -> a.role() == AppointmentRole.MANAGER && inForce(a, today))
                .map(AppointmentView::officeId).distinct().sorted().toList();
    }

    /** Whether this account may send to this audience now. */
    boolean maySend(Platform platform, long userId, Audience audience) {
        if (isAdmin(platform, userId)) {
            return true;
        }
        return audience instanceof Audience.OfficeMembers office
                && managedOffices(platform, userId).contains(office.officeId());
    }

    private static boolean inForce(AppointmentView a, LocalDate today) {
        return a.isActive() && !a.termStart().isAfter(today) && !a.termEnd().isBefore(today);
    }
}

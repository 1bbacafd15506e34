package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.admin.Admins;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.Reviewer;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may do what, asked afresh for every press and every step: admins (from {@code HAMYAR_ADMINS}) and, for
 * their province, the manager of the province office. Nothing here is cached.
 */
@Component
class Authority {

    private final Admins admins;
    private final Membership membership;
    private final Appointments appointments;
    private final Applications applications;
    private final Offices offices;

    Authority(Admins admins, Membership membership, Appointments appointments, Applications applications,
              Offices offices) {
        this.admins = admins;
        this.membership = membership;
        this.appointments = appointments;
        this.applications = applications;
        this.offices = offices;
    }

    boolean isAdmin(Session s) {
        return admins.isAdmin(s.platform(), s.userId());
    }

    /** The speaker as an active member. */
    Optional<MemberView> activeMember(Session s) {
        return membership.findByAccount(s.platform(), s.userId()).filter(MemberView::isActive);
    }

    Optional<Long> memberId(Session s) {
        return membership.findByAccount(s.platform(), s.userId()).map(MemberView::id);
    }

    /** The speaker as a reviewer of this application, if they may decide on it now. */
    Optional<Reviewer> reviewerOf(Session s, long applicationId) {
        Optional<Long> member = activeMember(s).map(MemberView::id);
        Reviewer reviewer = isAdmin(s) ? Reviewer.admin(s.platform(), s.userId(), member.orElse(null))
                : member.map(Reviewer::member).orElse(null);
        return reviewer != null && applications.mayReview(reviewer, applicationId)
                ? Optional.of(reviewer) : Optional.empty();
    }

    /** The speaker as one who may issue, renew or revoke appointments in this office. */
    Optional<Issuer> appointerFor(Session s, long officeId) {
        Optional<Long> member = activeMember(s).map(MemberView::id);
        if (isAdmin(s)) {
            return Optional.of(Issuer.admin(s.platform(), s.userId(), member.orElse(null)));
        }
        return member.filter(id -> appointments.isProvinceManagerFor(id, officeId)).map(Issuer::member);
    }

    /** The province the speaker manages (as MANAGER of its province office), if any. */
    Optional<Integer> managedProvince(Session s) {
        return activeMember(s).flatMap(m -> appointments.activeOf(m.id()).stream()
                .filter(a -> a.role() == AppointmentRole.MANAGER)
                .map(a -> offices.find(a.officeId()))
                .flatMap(Optional::stream)
                .filter(o -> o.level() == OfficeLevel.PROVINCE && o.isActive())
                .map(OfficeView::provinceId)
                .findFirst());
    }

    /** Whether the speaker may act as a manager of the office (member manager, or an admin). */
    boolean managesOffice(Session s, long officeId) {
        return isAdmin(s) || activeMember(s).map(m -> appointments.isManagerOf(m.id(), officeId)).orElse(false);
    }
}

package ir.hamyar.bot.admin;

import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.access.Roles;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one authorisation check: every command and button that not everyone may use asks here, with an
 * {@link Action}, and gets the {@link Scope} where the caller may do it. Nothing is cached: the caller is read from
 * the database for every update, so an expired or revoked appointment, a revoked role or a suspension takes
 * effect at the next press.
 *
 * <p>The rules: admins ({@code HAMYAR_ADMINS} or granted) may do everything everywhere; member actions need an
 * active member; managers and deputies work on their office, a province office's MANAGER also on every office of
 * the province and its appointments and founding applications; reviewers decide applications anywhere; a
 * suspended member has no powers at all.
 */
@Component
public class Access {

    private final Admins admins;
    private final Roles roles;
    private final Membership membership;
    private final Appointments appointments;
    private final Offices offices;

    Access(Admins admins, Roles roles, Membership membership, Appointments appointments, Offices offices) {
        this.admins = admins;
        this.roles = roles;
        this.membership = membership;
        this.appointments = appointments;
        this.offices = offices;
    }

    public Caller caller(Session session) {
        return caller(session.platform(), session.userId());
    }

    public Caller caller(Platform platform, long userId) {
        Optional<MemberView> member = membership.findByAccount(platform, userId);
        Set<Role> held = roles.of(platform, userId);
        List<OfficeView> managed = new ArrayList<>();
        List<OfficeView> provinceHead = new ArrayList<>();
        if (member.filter(MemberView::isActive).isPresent()) {
            // The nightly job marks ended terms EXPIRED; until it runs, the term dates decide, so powers end
            // exactly when the term does.
            LocalDate today = appointments.today();
            for (AppointmentView a : appointments.activeOf(member.get().id())) {
                if (!a.role().managesOffice() || a.termStart().isAfter(today) || a.termEnd().isBefore(today)) {
                    continue;
                }
                offices.find(a.officeId()).filter(OfficeView::isActive).ifPresent(o -> {
                    managed.add(o);
                    if (o.level() == OfficeLevel.PROVINCE && a.role() == AppointmentRole.MANAGER) {
                        provinceHead.add(o);
                    }
                });
            }
        }
        return new Caller(platform, userId, member.orElse(null), admins.isAdmin(platform, userId), held, managed,
                provinceHead);
    }

    /** Where the caller may do the action; {@link Scope#isEmpty()} when nowhere. */
    public Scope scope(Caller caller, Action action) {
        if (caller.isSuspended()) {
            return Scope.none();
        }
        switch (action) {
            case REPORT_PROBLEM:
            case ENROL_IN_COURSE:
            case APPLY_FOR_OFFICE:
                return caller.isActiveMember() ? Scope.everywhere() : Scope.none();
            case MANAGE_REPORTS:
            case MANAGE_COURSES:
            case LINK_OFFICE_GROUP:
            case VIEW_STATS:
            case EXPORT_DATA:
            case VIEW_AUDIT:
                return caller.isAdmin() ? Scope.everywhere() : offices(caller.managed(), caller.provinceHead());
            case BROADCAST:
                return caller.isAdmin() ? Scope.everywhere() : offices(caller.managed(), List.of());
            case ISSUE_APPOINTMENT:
                return caller.isAdmin() ? Scope.everywhere() : offices(List.of(), caller.provinceHead());
            case REVIEW_APPLICATION:
                return caller.isAdmin() || caller.isReviewer() ? Scope.everywhere()
                        : offices(List.of(), caller.provinceHead());
            case GRANT_ROLES:
            case SUSPEND_MEMBER:
            case EDIT_CONTENT:
                return caller.isAdmin() ? Scope.everywhere() : Scope.none();
            default:
                throw new IllegalArgumentException("No rule for " + action);
        }
    }

    /**
     * Where alerts for admins go (reports no office holds, applications to review, decrees without a reviewer):
     * the bootstrap admins' and the granted admins' private chats, each once. Read afresh, like every check.
     */
    public List<ChatRef> adminChats() {
        Set<ChatRef> chats = new LinkedHashSet<>();
        admins.all().forEach(a -> chats.add(a.chat()));
        roles.all().stream().filter(g -> g.role() == Role.ADMIN)
                .forEach(g -> chats.add(new ChatRef(g.platform(), g.userId())));
        return List.copyOf(chats);
    }

    /** Whether the caller may do the action somewhere. */
    public boolean may(Caller caller, Action action) {
        return !scope(caller, action).isEmpty();
    }

    /** Whether the caller may do the action on this office. */
    public boolean may(Caller caller, Action action, long officeId) {
        return scope(caller, action).covers(officeId);
    }

    /** Whether the caller may do the action for this province as a whole (e.g. a founding application there). */
    public boolean mayInProvince(Caller caller, Action action, int provinceId) {
        return scope(caller, action).coversProvince(provinceId);
    }

    /** The offices themselves, plus every office of each headed province. */
    private Scope offices(List<OfficeView> own, List<OfficeView> headed) {
        Map<Long, OfficeView> all = new LinkedHashMap<>();
        own.forEach(o -> all.put(o.id(), o));
        for (OfficeView province : headed) {
            all.put(province.id(), province);
            offices.ofProvince(province.provinceId()).forEach(o -> all.putIfAbsent(o.id(), o));
        }
        return all.isEmpty() ? Scope.none() : new Scope(false, new ArrayList<>(all.values()));
    }
}

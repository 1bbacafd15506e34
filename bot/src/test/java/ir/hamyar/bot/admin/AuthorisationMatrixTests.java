package ir.hamyar.bot.admin;

import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.access.RoleGrant;
import ir.hamyar.domain.access.Roles;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentStatus;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static ir.hamyar.bot.admin.Action.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The authorisation matrix: every actor × every action, on office A (a county office of province 1), office B
 * (a county office of province 2) and province 1 as a whole. The expected table is written out by hand below;
 * the test fails on any cell where {@link Access} disagrees, and names every disagreeing cell.
 */
class AuthorisationMatrixTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final OfficeView PROVINCE_1 = office(10, OfficeLevel.PROVINCE, 1, null);
    private static final OfficeView OFFICE_A = office(11, OfficeLevel.COUNTY, 1, 101);
    private static final OfficeView OFFICE_B = office(21, OfficeLevel.COUNTY, 2, 201);

    /** Actors by messenger user id. */
    enum Who {
        STRANGER(1), MEMBER(2), MANAGER_A(3), MANAGER_B(4), DEPUTY_A(5), PROVINCE_MANAGER(6), BOOTSTRAP_ADMIN(7),
        GRANTED_ADMIN(8), REVIEWER(9), SUSPENDED_MANAGER_A(10), EXPIRED_MANAGER_A(11);

        final long userId;

        Who(long userId) {
            this.userId = userId;
        }
    }

    /** What an actor may do: "A" on office A, "B" on office B, "P1" on province 1 as a whole. */
    private static final Map<Who, Map<Action, Set<String>>> EXPECTED = new LinkedHashMap<>();

    static {
        Set<String> everywhere = Set.of("A", "B", "P1");
        Set<String> none = Set.of();
        for (Who w : Who.values()) {
            Map<Action, Set<String>> row = new LinkedHashMap<>();
            for (Action a : Action.values()) {
                row.put(a, none);
            }
            EXPECTED.put(w, row);
        }
        // Member actions: any active member (managers and the reviewer are members too).
        for (Who w : List.of(Who.MEMBER, Who.MANAGER_A, Who.MANAGER_B, Who.DEPUTY_A, Who.PROVINCE_MANAGER,
                Who.REVIEWER, Who.EXPIRED_MANAGER_A)) {
            for (Action a : List.of(REPORT_PROBLEM, ENROL_IN_COURSE, APPLY_FOR_OFFICE)) {
                EXPECTED.get(w).put(a, everywhere);
            }
        }
        // Office work on one's own office; a province MANAGER also on the offices of the province.
        for (Action a : List.of(MANAGE_REPORTS, MANAGE_COURSES, LINK_OFFICE_GROUP, VIEW_STATS, EXPORT_DATA,
                VIEW_AUDIT)) {
            EXPECTED.get(Who.MANAGER_A).put(a, Set.of("A"));
            EXPECTED.get(Who.DEPUTY_A).put(a, Set.of("A"));
            EXPECTED.get(Who.MANAGER_B).put(a, Set.of("B"));
            EXPECTED.get(Who.PROVINCE_MANAGER).put(a, Set.of("A", "P1"));
        }
        // Broadcasts: one's own office only (the province office is the province manager's own).
        EXPECTED.get(Who.MANAGER_A).put(BROADCAST, Set.of("A"));
        EXPECTED.get(Who.DEPUTY_A).put(BROADCAST, Set.of("A"));
        EXPECTED.get(Who.MANAGER_B).put(BROADCAST, Set.of("B"));
        EXPECTED.get(Who.PROVINCE_MANAGER).put(BROADCAST, Set.of("P1"));
        // Province work.
        EXPECTED.get(Who.PROVINCE_MANAGER).put(ISSUE_APPOINTMENT, Set.of("A", "P1"));
        EXPECTED.get(Who.PROVINCE_MANAGER).put(REVIEW_APPLICATION, Set.of("A", "P1"));
        EXPECTED.get(Who.REVIEWER).put(REVIEW_APPLICATION, everywhere);
        // Admins: everything, everywhere; a bootstrap admin need not be a member, so no member actions.
        for (Who admin : List.of(Who.BOOTSTRAP_ADMIN, Who.GRANTED_ADMIN)) {
            for (Action a : Action.values()) {
                if (!List.of(REPORT_PROBLEM, ENROL_IN_COURSE, APPLY_FOR_OFFICE).contains(a)) {
                    EXPECTED.get(admin).put(a, everywhere);
                }
            }
        }
    }

    private Access access;

    @BeforeEach
    void setUp() {
        Admins admins = new Admins(new HamyarProperties(new HamyarProperties.Bot("", ""),
                new HamyarProperties.Bot("", ""), new HamyarProperties.Webhook("", ""),
                "telegram:" + Who.BOOTSTRAP_ADMIN.userId, Duration.ofSeconds(50), Duration.ofSeconds(5), Duration.ofMillis(10)));
        Roles roles = mock(Roles.class);
        Membership membership = mock(Membership.class);
        Appointments appointments = mock(Appointments.class);
        Offices offices = mock(Offices.class);
        for (Who w : Who.values()) {
            if (w != Who.STRANGER && w != Who.BOOTSTRAP_ADMIN && w != Who.GRANTED_ADMIN) {
                MemberStatus status = w == Who.SUSPENDED_MANAGER_A ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE;
                when(membership.findByAccount(Platform.TELEGRAM, w.userId)).thenReturn(Optional.of(member(w, status)));
            }
        }
        when(roles.of(org.mockito.ArgumentMatchers.any(), anyLong())).thenAnswer(inv -> {
            long user = inv.getArgument(1);
            return user == Who.GRANTED_ADMIN.userId ? EnumSet.of(Role.ADMIN)
                    : user == Who.REVIEWER.userId ? EnumSet.of(Role.REVIEWER) : EnumSet.noneOf(Role.class);
        });
        // activeOf holds the ACTIVE decrees (revoked ones are gone); the expired manager's term ended
        // yesterday but the nightly job has not yet marked it EXPIRED: the dates must decide.
        when(appointments.today()).thenReturn(TODAY);
        when(appointments.activeOf(anyLong())).thenReturn(List.of());
        when(appointments.activeOf(Who.EXPIRED_MANAGER_A.userId)).thenReturn(List.of(new AppointmentView(99, 0,
                OFFICE_A.id(), AppointmentRole.MANAGER, AppointmentStatus.ACTIVE, TODAY.minusYears(2),
                TODAY.minusDays(1), "1403/000009", Instant.parse("2024-01-01T00:00:00Z"), null, null, null, null)));
        when(appointments.activeOf(Who.MANAGER_A.userId)).thenReturn(List.of(appointment(OFFICE_A, AppointmentRole.MANAGER)));
        when(appointments.activeOf(Who.MANAGER_B.userId)).thenReturn(List.of(appointment(OFFICE_B, AppointmentRole.MANAGER)));
        when(appointments.activeOf(Who.DEPUTY_A.userId)).thenReturn(List.of(appointment(OFFICE_A, AppointmentRole.DEPUTY)));
        when(appointments.activeOf(Who.PROVINCE_MANAGER.userId))
                .thenReturn(List.of(appointment(PROVINCE_1, AppointmentRole.MANAGER)));
        when(appointments.activeOf(Who.SUSPENDED_MANAGER_A.userId))
                .thenReturn(List.of(appointment(OFFICE_A, AppointmentRole.MANAGER)));
        when(offices.find(anyLong())).thenReturn(Optional.empty());
        for (OfficeView o : List.of(PROVINCE_1, OFFICE_A, OFFICE_B)) {
            when(offices.find(o.id())).thenReturn(Optional.of(o));
        }
        when(offices.ofProvince(1)).thenReturn(List.of(PROVINCE_1, OFFICE_A));
        when(offices.ofProvince(2)).thenReturn(List.of(OFFICE_B));
        when(roles.all()).thenReturn(List.of(
                new RoleGrant(Platform.TELEGRAM, Who.GRANTED_ADMIN.userId, Role.ADMIN, Instant.EPOCH),
                new RoleGrant(Platform.TELEGRAM, Who.REVIEWER.userId, Role.REVIEWER, Instant.EPOCH),
                new RoleGrant(Platform.TELEGRAM, Who.BOOTSTRAP_ADMIN.userId, Role.ADMIN, Instant.EPOCH)));
        access = new Access(admins, roles, membership, appointments, offices);
    }

    @Test
    void everyActorMayDoExactlyWhatTheTableSaysAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (Who w : Who.values()) {
            Caller caller = access.caller(Platform.TELEGRAM, w.userId);
            for (Action a : Action.values()) {
                Set<String> expected = EXPECTED.get(w).get(a);
                check(wrong, w, a, "A", expected.contains("A"), access.may(caller, a, OFFICE_A.id()));
                check(wrong, w, a, "B", expected.contains("B"), access.may(caller, a, OFFICE_B.id()));
                check(wrong, w, a, "P1", expected.contains("P1"), access.mayInProvince(caller, a, 1));
                check(wrong, w, a, "somewhere", !expected.isEmpty(), access.may(caller, a));
            }
        }
        assertThat(wrong).as("cells where Access disagrees with the table").isEmpty();
    }

    @Test
    void adminAlertsGoToBootstrapAndGrantedAdminsOnceEachButNotToReviewers() {
        assertThat(access.adminChats()).containsExactly(
                new ChatRef(Platform.TELEGRAM, Who.BOOTSTRAP_ADMIN.userId),
                new ChatRef(Platform.TELEGRAM, Who.GRANTED_ADMIN.userId));
    }

    @Test
    void theSameAccountOnTheOtherPlatformIsAStranger() {
        Caller onBale = access.caller(Platform.BALE, Who.BOOTSTRAP_ADMIN.userId);
        for (Action a : Action.values()) {
            assertThat(access.may(onBale, a)).as(a.name()).isFalse();
        }
    }

    @Test
    void theCallerNamesItselfForTheAuditTrailWithoutPersonalData() {
        Caller manager = access.caller(Platform.TELEGRAM, Who.MANAGER_A.userId);
        assertThat(manager.auditActor().memberId()).isEqualTo(Who.MANAGER_A.userId);
        assertThat(manager.auditActor().userId()).isEqualTo(Who.MANAGER_A.userId);
        assertThat(manager.toString()).doesNotContain("0912").doesNotContain("Maryam");
    }

    private static void check(List<String> wrong, Who who, Action action, String where, boolean expected,
                              boolean actual) {
        if (expected != actual) {
            wrong.add(who + " × " + action + " on " + where + ": expected " + (expected ? "allowed" : "refused"));
        }
    }

    private static OfficeView office(long id, OfficeLevel level, int province, Integer county) {
        return new OfficeView(id, level, null, province, county, null, "Office " + id, null, null, "ACTIVE", null,
                null, 48, null);
    }

    /** Member ids equal user ids in this table, so the appointment mocks can key on either. */
    private static MemberView member(Who who, MemberStatus status) {
        return new MemberView(who.userId, status, "Maryam Ahmadi", "+98912" + (1000000 + who.userId), true,
                "0012345678", 1370, null, null, 1, 101, List.of(), "fa", "R" + who.userId, null,
                Instant.parse("2026-01-01T00:00:00Z"), List.of());
    }

    private static AppointmentView appointment(OfficeView office, AppointmentRole role) {
        return new AppointmentView(office.id() * 100 + role.ordinal(), 0, office.id(), role, AppointmentStatus.ACTIVE,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), "1405/000001",
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null);
    }
}

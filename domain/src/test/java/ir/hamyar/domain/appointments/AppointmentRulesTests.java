package ir.hamyar.domain.appointments;

import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentRulesTests extends DomainScenario {

    @Autowired
    TransactionTemplate tx;

    private IssueResult issue(MemberView m, OfficeView o, AppointmentRole role, LocalDate start, LocalDate end) {
        return appointments.issue(new IssueAppointment(m.id(), o.id(), role, start, end, Issuer.member(m.id())));
    }

    @Test
    void decreeNumbersRunInAYearlyJalaliSequence() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        AppointmentView first = appoint(member(county), office, AppointmentRole.MANAGER);
        AppointmentView second = appoint(member(county), office, AppointmentRole.DEPUTY);

        assertThat(first.decreeNo()).matches("1405/\\d{6}");
        assertThat(Integer.parseInt(second.decreeNo().substring(5)))
                .isEqualTo(Integer.parseInt(first.decreeNo().substring(5)) + 1);

        clock.set(Instant.parse("2031-04-01T08:00:00Z")); // Farvardin 1410: no test issues decrees that year
        AppointmentView nextYear = appoint(member(county), office, AppointmentRole.WORKING_GROUP_LEAD);
        assertThat(nextYear.decreeNo()).isEqualTo("1410/000001");
    }

    @Test
    void aTermDefaultsToOneYearAndIsNeverOpenEnded() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        AppointmentView decree = appoint(member(county), office, AppointmentRole.MANAGER);
        LocalDate today = LocalDate.of(2026, 4, 1);
        assertThat(decree.termStart()).isEqualTo(today);
        assertThat(decree.termEnd()).isEqualTo(today.plusYears(1).minusDays(1));

        MemberView m = trainedMember(county);
        assertThat(issue(m, office, AppointmentRole.DEPUTY, today, today.minusDays(1)))
                .isEqualTo(new IssueResult.Refused(Refusal.INVALID_TERM));
        assertThat(issue(m, office, AppointmentRole.DEPUTY, today, today.plusYears(10)))
                .isEqualTo(new IssueResult.Refused(Refusal.INVALID_TERM));
        assertThat(issue(m, office, AppointmentRole.DEPUTY, today.minusYears(2), today.minusYears(1)))
                .isEqualTo(new IssueResult.Refused(Refusal.INVALID_TERM));
        assertThat(appointments.activeOf(m.id())).isEmpty();
    }

    @Test
    void refusesAMemberWithoutTrainingWithThatReason() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView untrained = member(county);

        assertThat(issue(untrained, office, AppointmentRole.MANAGER, null, null))
                .isEqualTo(new IssueResult.Refused(Refusal.TRAINING_NOT_COMPLETED));
        assertThat(appointments.activeOf(untrained.id())).isEmpty();
        assertThat(events.stream(AppointmentIssued.class)).isEmpty();
    }

    @Test
    void refusesInactiveMembersConflictingRolesAndASecondManager() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView suspended = trainedMember(county);
        membership.suspend(suspended.id(), "test");
        MemberView manager = trainedMember(county);
        appoint(manager, office, AppointmentRole.MANAGER);

        assertThat(issue(suspended, office, AppointmentRole.DEPUTY, null, null))
                .isEqualTo(new IssueResult.Refused(Refusal.MEMBER_NOT_ACTIVE));
        assertThat(issue(manager, office, AppointmentRole.WORKING_GROUP_LEAD, null, null))
                .isEqualTo(new IssueResult.Refused(Refusal.CONFLICTING_ROLE));
        assertThat(issue(trainedMember(county), office, AppointmentRole.MANAGER, null, null))
                .isEqualTo(new IssueResult.Refused(Refusal.OFFICE_HAS_MANAGER));
        assertThat(appointments.eligibility(-1, office.id(), AppointmentRole.DEPUTY)).contains(Refusal.NO_SUCH_MEMBER);
        assertThat(appointments.eligibility(manager.id(), -1, AppointmentRole.DEPUTY)).contains(Refusal.NO_SUCH_OFFICE);
        assertThat(appointments.activeIn(office.id())).hasSize(1);
    }

    @Test
    void ofTwoConcurrentManagerDecreesForOneOfficeExactlyOneIsIssued() throws Exception {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView a = trainedMember(county);
        MemberView b = trainedMember(county);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<IssueResult>> jobs = new ArrayList<>();
            for (MemberView m : List.of(a, b)) {
                jobs.add(() -> tx.execute(s -> issue(m, office, AppointmentRole.MANAGER, null, null)));
            }
            List<IssueResult> results = new ArrayList<>();
            for (Future<IssueResult> f : pool.invokeAll(jobs)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r instanceof IssueResult.Issued).hasSize(1);
            assertThat(results).contains(new IssueResult.Refused(Refusal.OFFICE_HAS_MANAGER));
        } finally {
            pool.shutdownNow();
        }
        assertThat(appointments.activeManagersOf(office.id())).hasSize(1);
    }

    @Test
    void theExpiryJobEndsTermsAndTheManagerLosesPowers() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView manager = trainedMember(county);
        IssueResult result = issue(manager, office, AppointmentRole.MANAGER, null, LocalDate.of(2026, 4, 10));
        AppointmentView decree = ((IssueResult.Issued) result).appointment();

        clock.advance(Duration.ofDays(9)); // 10 April: the last day of the term
        appointments.expireEndedTerms();
        assertThat(appointments.isManagerOf(manager.id(), office.id())).isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(appointments.isManagerOf(manager.id(), office.id())).isFalse(); // even before the job runs
        appointments.expireEndedTerms();

        assertThat(appointments.find(decree.id())).map(AppointmentView::status).contains(AppointmentStatus.EXPIRED);
        assertThat(events.stream(AppointmentExpired.class))
                .containsExactly(new AppointmentExpired(decree.id(), manager.id(), office.id()));
        assertThat(appointments.activeManagersOf(office.id())).isEmpty();
    }

    @Test
    void remindsThirtyAndSevenDaysBeforeTheEndOnceEach() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView manager = trainedMember(county);
        AppointmentView decree = ((IssueResult.Issued) issue(manager, office, AppointmentRole.MANAGER, null,
                LocalDate.of(2026, 5, 31))).appointment();

        clock.set(Instant.parse("2026-04-30T08:00:00Z")); // 31 days left
        appointments.remindEndingTerms();
        assertThat(reminders(decree)).isEmpty();
        clock.advance(Duration.ofDays(1));
        appointments.remindEndingTerms();
        appointments.remindEndingTerms();
        assertThat(reminders(decree)).containsExactly(30);
        clock.set(Instant.parse("2026-05-24T08:00:00Z"));
        appointments.remindEndingTerms();
        appointments.remindEndingTerms();
        assertThat(reminders(decree)).containsExactly(30, 7);
    }

    private List<Integer> reminders(AppointmentView decree) {
        return events.stream(AppointmentEndingSoon.class).filter(e -> e.appointmentId() == decree.id())
                .map(AppointmentEndingSoon::daysLeft).toList();
    }

    @Test
    void renewalContinuesTheRoleWithANewDecree() {
        County county = firstCounty(freshProvince());
        OfficeView office = countyOffice(county);
        MemberView manager = trainedMember(county);
        AppointmentView old = appoint(manager, office, AppointmentRole.MANAGER);

        IssueResult renewed = appointments.renew(old.id(), null, Issuer.member(manager.id()));

        assertThat(renewed).isInstanceOf(IssueResult.Issued.class);
        AppointmentView now = ((IssueResult.Issued) renewed).appointment();
        assertThat(now.decreeNo()).isNotEqualTo(old.decreeNo());
        assertThat(now.renewalOf()).isEqualTo(old.id());
        assertThat(now.termEnd()).isEqualTo(old.termEnd().plusYears(1));
        assertThat(appointments.find(old.id())).map(AppointmentView::status).contains(AppointmentStatus.RENEWED);
        assertThat(appointments.isManagerOf(manager.id(), office.id())).isTrue();
        assertThat(appointments.renew(old.id(), null, Issuer.system()))
                .isEqualTo(new IssueResult.Refused(Refusal.NOT_ACTIVE));
        assertThat(events.stream(AppointmentRenewed.class))
                .containsExactly(new AppointmentRenewed(old.id(), now.id(), manager.id(), office.id()));
    }

    @Test
    void revocationNeedsAReason() {
        County county = firstCounty(freshProvince());
        AppointmentView decree = appoint(member(county), countyOffice(county), AppointmentRole.MANAGER);
        assertThat(appointments.revoke(decree.id(), "  ", Issuer.system())).contains(Refusal.REASON_REQUIRED);
        assertThat(appointments.revoke(-1, "x", Issuer.system())).contains(Refusal.NO_SUCH_APPOINTMENT);
        assertThat(appointments.find(decree.id())).map(AppointmentView::status).contains(AppointmentStatus.ACTIVE);
    }
}

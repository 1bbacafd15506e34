package ir.hamyar.domain.audit;

import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.access.Roles;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.membership.AccountId;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.StatusChangeResult;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.NewReport;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportActor;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.domain.reporting.SubmitResult;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the decisions of the administration and reporting modules each leave one entry in the audit trail
 * (who, what, on what, which office, why), found again by the listing's filters; a manager's office set sees
 * only its offices' entries.
 */
class AuditedDecisionsTests extends DomainScenario {

    private static final Actor ADMIN = Actor.account(Platform.TELEGRAM, 4242, null);

    @Autowired
    AuditTrail audit;

    @Autowired
    ProblemReporting reporting;

    @Autowired
    Roles roles;

    private ReportView file(MemberView reporter, String title) {
        SubmitResult r = reporting.submit(new NewReport(reporter.id(), "health", title, "شرح کامل مشکل در محله",
                List.of(), null, null, null, null, false));
        assertThat(r).isInstanceOf(SubmitResult.Submitted.class);
        return ((SubmitResult.Submitted) r).report();
    }

    private List<AuditEntry> ofSubject(String type, long id) {
        return audit.list(AuditFilter.subject(type, id));
    }

    @Test
    void suspensionAndReinstatementAreRecordedWithTheirReasonsOnce() {
        MemberView m = member(firstCounty(freshProvince()));

        assertThat(membership.suspend(ADMIN, m.id(), " توهین  به اعضا ")).isEqualTo(StatusChangeResult.CHANGED);
        assertThat(membership.suspend(ADMIN, m.id(), "again")).isEqualTo(StatusChangeResult.UNCHANGED);
        assertThat(membership.find(m.id()).orElseThrow().status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(membership.reinstate(ADMIN, m.id(), "عذرخواهی کرد")).isEqualTo(StatusChangeResult.CHANGED);

        List<AuditEntry> entries = ofSubject(Membership.AUDIT_SUBJECT, m.id());
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(Membership.REINSTATED_AUDIT, Membership.SUSPENDED_AUDIT);
        assertThat(entries).extracting(AuditEntry::reason).containsExactly("عذرخواهی کرد", "توهین به اعضا");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly(ADMIN);
        assertThat(audit.list(AuditFilter.all().withAction(Membership.SUSPENDED_AUDIT).page(500, 0)))
                .extracting(AuditEntry::subjectId).contains(m.id());
    }

    @Test
    void suspendedMembersReportsAreRefusedWithTheirOwnCode() {
        MemberView m = member(firstCounty(freshProvince()));
        membership.suspend(ADMIN, m.id(), "x");

        SubmitResult r = reporting.submit(new NewReport(m.id(), "health", "عنوان", "شرح کامل مشکل در محله",
                List.of(), null, null, null, null, false));

        assertThat(r).isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.MEMBER_SUSPENDED));
        membership.reinstate(ADMIN, m.id(), null);
        assertThat(reporting.submit(new NewReport(m.id(), "health", "عنوان", "شرح کامل مشکل در محله",
                List.of(), null, null, null, null, false))).isInstanceOf(SubmitResult.Submitted.class);
    }

    @Test
    void everyManagerDecisionOnAReportIsRecordedAgainstItsOffice() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView county = countyOffice(c);
        OfficeView other = countyOffice(secondCounty(p));
        MemberView manager = trainedMember(c);
        appoint(manager, county, AppointmentRole.MANAGER);
        ReportActor actor = ReportActor.member(manager.id());
        MemberView citizen = member(c);

        ReportView resolved = file(citizen, "چاله");
        assertThat(reporting.acknowledge(resolved.id(), actor).ok()).isTrue();
        assertThat(reporting.startProgress(resolved.id(), actor).ok()).isTrue();
        assertThat(reporting.resolve(resolved.id(), actor).ok()).isTrue();
        ReportView rejected = file(citizen, "تکراری");
        assertThat(reporting.reject(rejected.id(), actor, "گزارش تکراری است").ok()).isTrue();
        ReportView forwarded = file(citizen, "مدرسه");
        ActionResult fwd = reporting.forward(forwarded.id(), ReportActor.admin(Platform.BALE, 77, null), other.id(),
                "در حوزهٔ آن دفتر");
        assertThat(fwd.ok()).isTrue();

        assertThat(ofSubject(ProblemReporting.AUDIT_SUBJECT, resolved.id())).extracting(AuditEntry::action)
                .containsExactly("REPORT_RESOLVED", "REPORT_IN_PROGRESS", "REPORT_ACKNOWLEDGED");
        AuditEntry rejection = ofSubject(ProblemReporting.AUDIT_SUBJECT, rejected.id()).get(0);
        assertThat(rejection.action()).isEqualTo("REPORT_REJECTED");
        assertThat(rejection.reason()).isEqualTo("گزارش تکراری است");
        assertThat(rejection.actor()).isEqualTo(Actor.member(manager.id()));
        assertThat(rejection.officeId()).isEqualTo(county.id());
        AuditEntry forward = ofSubject(ProblemReporting.AUDIT_SUBJECT, forwarded.id()).get(0);
        assertThat(forward.action()).isEqualTo(ProblemReporting.FORWARDED_AUDIT);
        assertThat(forward.officeId()).as("recorded against the office that passed it on").isEqualTo(county.id());
        assertThat(forward.actor()).isEqualTo(Actor.account(Platform.BALE, 77, null));
        assertThat(forward.reason()).contains(String.valueOf(other.id())).contains("در حوزهٔ آن دفتر");
    }

    @Test
    void anOfficeSetSeesOnlyItsOfficesEntriesAndPagesNewestFirst() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView mine = countyOffice(c);
        OfficeView theirs = countyOffice(secondCounty(p));
        MemberView manager = trainedMember(c);
        appoint(manager, mine, AppointmentRole.MANAGER);
        MemberView otherManager = trainedMember(secondCounty(p));
        appoint(otherManager, theirs, AppointmentRole.MANAGER);
        for (int i = 0; i < 3; i++) {
            reporting.acknowledge(file(member(c), "مورد " + i).id(), ReportActor.member(manager.id()));
        }
        reporting.acknowledge(file(member(secondCounty(p)), "دیگری").id(), ReportActor.member(otherManager.id()));

        List<AuditEntry> seen = audit.list(AuditFilter.all().withOffices(Set.of(mine.id())).page(500, 0));
        assertThat(seen).isNotEmpty().extracting(AuditEntry::officeId).containsOnly(mine.id());
        assertThat(audit.list(AuditFilter.all().withOffices(Set.of()))).isEmpty();

        List<AuditEntry> reports = audit.list(AuditFilter.all().withOffices(Set.of(mine.id()))
                .withAction("REPORT_ACKNOWLEDGED").page(2, 0));
        List<AuditEntry> next = audit.list(AuditFilter.all().withOffices(Set.of(mine.id()))
                .withAction("REPORT_ACKNOWLEDGED").page(2, 2));
        assertThat(reports).hasSize(2);
        assertThat(next).hasSize(1);
        assertThat(reports.get(0).id()).isGreaterThan(reports.get(1).id()).isGreaterThan(next.get(0).id());
        assertThat(audit.list(AuditFilter.all().withActor(otherManager.id()).withAction("REPORT_ACKNOWLEDGED")))
                .extracting(AuditEntry::officeId).containsOnly(theirs.id());
    }

    @Test
    void aGrantedRoleIsFoundByTheActionFilterAndTheMembersLastAccountIsTheOneToGrant() {
        MemberView m = member(firstCounty(freshProvince()));
        AccountId account = membership.lastUsedAccount(m.id()).orElseThrow();
        assertThat(membership.findByAccount(account.platform(), account.userId())).map(MemberView::id)
                .contains(m.id());

        roles.grant(ADMIN, account.platform(), account.userId(), Role.REVIEWER);

        assertThat(audit.list(AuditFilter.all().withAction(Roles.GRANTED).page(500, 0)))
                .extracting(AuditEntry::subjectId).contains(account.userId());
    }
}

package ir.hamyar.domain.applications;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsTests extends DomainScenario {

    private static final Reviewer ADMIN = Reviewer.admin(Platform.TELEGRAM, 9001, null);

    @Autowired
    Applications applications;

    @Autowired
    AuditTrail audit;

    private NewApplication form(MemberView founder, County county, OfficeLevel level, List<Long> cofounders) {
        return new NewApplication(founder.id(), level, county.provinceId(), county.id(),
                level == OfficeLevel.LOCAL ? "Narmak" : null, "Hamyar Narmak", "Narmak, 12th street, no. 4",
                SpaceTenure.LENT, cofounders, "Ten years of neighbourhood work.", EnumSet.allOf(Principle.class));
    }

    private ApplicationView submitted(NewApplication form) {
        Result result = applications.submit(form);
        assertThat(result).isInstanceOf(Result.Done.class);
        return ((Result.Done) result).application();
    }

    @Test
    void askAnswerApproveCreatesTheOfficeItsPermitAndTheFoundersDecree() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView top = provinceOffice(province);
        MemberView founder = trainedMember(county);
        ApplicationView app = submitted(form(founder, county, OfficeLevel.COUNTY, List.of()));
        assertThat(app.trackingNo()).matches("F\\d{6}");
        assertThat(applications.findByTrackingNo(app.trackingNo().toLowerCase())).map(ApplicationView::id)
                .contains(app.id());

        applications.askForInformation(app.id(), ADMIN, "Who pays the rent?");
        assertThat(applications.find(app.id()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.WAITING_FOR_APPLICANT);
        assertThat(applications.answer(app.id(), founder.id(), "The space is lent by my family."))
                .isInstanceOf(Result.Done.class);
        Result approved = applications.approve(app.id(), ADMIN);

        assertThat(approved).isInstanceOf(Result.Approved.class);
        Result.Approved a = (Result.Approved) approved;
        OfficeView office = offices.find(a.officeId()).orElseThrow();
        assertThat(office.level()).isEqualTo(OfficeLevel.COUNTY);
        assertThat(office.parentId()).isEqualTo(top.id());
        assertThat(office.foundingPermitNo()).matches("P1405-\\d{5}");
        assertThat(a.application().permitNo()).isEqualTo(office.foundingPermitNo());
        assertThat(a.application().status()).isEqualTo(ApplicationStatus.APPROVED);
        AppointmentView decree = appointments.find(a.appointmentId()).orElseThrow();
        assertThat(decree.memberId()).isEqualTo(founder.id());
        assertThat(decree.role()).isEqualTo(AppointmentRole.MANAGER);
        assertThat(appointments.isManagerOf(founder.id(), office.id())).isTrue();
        assertThat(audit.list(AuditFilter.subject("APPLICATION", app.id()))).extracting(AuditEntry::action)
                .containsExactly("APPLICATION_APPROVED", "APPLICATION_ANSWERED", "APPLICATION_INFO_REQUESTED",
                        "APPLICATION_SUBMITTED");
        assertThat(events.stream(ApplicationChanged.class)).extracting(ApplicationChanged::status).containsExactly(
                ApplicationStatus.WAITING_FOR_APPLICANT, ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED);
        assertThat(applications.approve(app.id(), ADMIN)).isEqualTo(new Result.Refused(Refusal.WRONG_STATE));
    }

    @Test
    void oneOpenApplicationPerFounderPerCounty() {
        Province province = freshProvince();
        County county = firstCounty(province);
        MemberView founder = trainedMember(county);
        submitted(form(founder, county, OfficeLevel.COUNTY, List.of()));

        assertThat(applications.submit(form(founder, county, OfficeLevel.LOCAL, List.of())))
                .isEqualTo(new Result.Refused(Refusal.OPEN_APPLICATION_EXISTS));
        assertThat(applications.submit(form(founder, secondCounty(province), OfficeLevel.COUNTY, List.of())))
                .isInstanceOf(Result.Done.class);
        assertThat(applications.ofFounder(founder.id())).hasSize(2);
    }

    @Test
    void aRejectedApplicationFreesTheRegionForANewOne() {
        County county = firstCounty(freshProvince());
        MemberView founder = member(county);
        ApplicationView app = submitted(form(founder, county, OfficeLevel.COUNTY, List.of()));
        assertThat(applications.reject(app.id(), ADMIN, " ")).isEqualTo(new Result.Refused(Refusal.TEXT_REQUIRED));
        assertThat(applications.reject(app.id(), ADMIN, "Space too small")).isInstanceOf(Result.Done.class);
        assertThat(applications.find(app.id()).orElseThrow().decisionReason()).isEqualTo("Space too small");
        assertThat(applications.submit(form(founder, county, OfficeLevel.COUNTY, List.of())))
                .isInstanceOf(Result.Done.class);
    }

    @Test
    void refusesAnIncompleteFormWithTheReason() {
        County county = firstCounty(freshProvince());
        MemberView founder = member(county);
        NewApplication base = form(founder, county, OfficeLevel.LOCAL, List.of());
        NewApplication threePrinciples = new NewApplication(founder.id(), OfficeLevel.LOCAL, county.provinceId(),
                county.id(), "Narmak", base.proposedName(), base.spaceAddress(), SpaceTenure.OWNED, List.of(),
                base.background(), EnumSet.of(Principle.FINANCIAL_INDEPENDENCE, Principle.FOLLOW_POLICIES,
                Principle.NO_PERSONAL_OR_PARTISAN_USE));
        NewApplication noNeighbourhood = new NewApplication(founder.id(), OfficeLevel.LOCAL, county.provinceId(),
                county.id(), " ", base.proposedName(), base.spaceAddress(), SpaceTenure.OWNED, List.of(),
                base.background(), Set.of(Principle.values()));
        NewApplication provinceLevel = new NewApplication(founder.id(), OfficeLevel.PROVINCE, county.provinceId(),
                county.id(), null, base.proposedName(), base.spaceAddress(), SpaceTenure.OWNED, List.of(),
                base.background(), Set.of(Principle.values()));

        assertThat(applications.submit(threePrinciples)).isEqualTo(new Result.Refused(Refusal.PRINCIPLES_NOT_ACCEPTED));
        assertThat(applications.submit(noNeighbourhood)).isEqualTo(new Result.Refused(Refusal.NEIGHBOURHOOD_REQUIRED));
        assertThat(applications.submit(provinceLevel)).isEqualTo(new Result.Refused(Refusal.INVALID_LEVEL));
        assertThat(applications.submit(form(founder, county, OfficeLevel.COUNTY, List.of(founder.id()))))
                .isEqualTo(new Result.Refused(Refusal.INVALID_COFOUNDER));
        assertThat(applications.ofFounder(founder.id())).isEmpty();
    }

    @Test
    void coFoundersConfirmOnceAndOnlyIfInvited() {
        County county = firstCounty(freshProvince());
        MemberView founder = member(county);
        MemberView partner = member(county);
        MemberView stranger = member(county);
        ApplicationView app = submitted(form(founder, county, OfficeLevel.COUNTY, List.of(partner.id())));
        assertThat(app.cofounders()).containsExactly(
                new ApplicationView.Cofounder(partner.id(), CofounderStatus.INVITED));

        assertThat(applications.respondAsCofounder(app.id(), stranger.id(), true))
                .isEqualTo(new Result.Refused(Refusal.NOT_INVITED));
        assertThat(applications.respondAsCofounder(app.id(), partner.id(), true)).isInstanceOf(Result.Done.class);
        assertThat(applications.respondAsCofounder(app.id(), partner.id(), false))
                .isEqualTo(new Result.Refused(Refusal.ALREADY_RESPONDED));
        assertThat(applications.find(app.id()).orElseThrow().cofounders()).containsExactly(
                new ApplicationView.Cofounder(partner.id(), CofounderStatus.CONFIRMED));
    }

    @Test
    void aLocalCentreIsNotApprovedBeforeItsCountyOfficeAndACountyOfficeMayPrecedeItsProvinceOffice() {
        Province province = freshProvince();
        County county = firstCounty(province);
        MemberView localFounder = trainedMember(county);
        MemberView countyFounder = trainedMember(county);
        ApplicationView local = submitted(form(localFounder, county, OfficeLevel.LOCAL, List.of()));
        ApplicationView countyApp = submitted(form(countyFounder, county, OfficeLevel.COUNTY, List.of()));

        assertThat(applications.approve(local.id(), ADMIN)).isEqualTo(new Result.Refused(Refusal.PARENT_OFFICE_MISSING));
        assertThat(notClosed(offices.ofCounty(county.id()))).isEmpty();

        Result.Approved countyOffice = (Result.Approved) applications.approve(countyApp.id(), ADMIN);
        assertThat(offices.find(countyOffice.officeId()).orElseThrow().parentId()).isNull();
        Result.Approved centre = (Result.Approved) applications.approve(local.id(), ADMIN);
        assertThat(offices.find(centre.officeId()).orElseThrow().parentId()).isEqualTo(countyOffice.officeId());
    }

    @Test
    void anUntrainedFounderIsNotApprovedAndNothingIsCreated() {
        County county = firstCounty(freshProvince());
        MemberView founder = member(county);
        ApplicationView app = submitted(form(founder, county, OfficeLevel.COUNTY, List.of()));

        assertThat(applications.approve(app.id(), ADMIN))
                .isEqualTo(new Result.Refused(Refusal.FOUNDER_NOT_ELIGIBLE_TRAINING));
        assertThat(notClosed(offices.ofCounty(county.id()))).isEmpty();
        assertThat(applications.find(app.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void onlyTheProvinceManagerReviewsAmongMembers() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView top = provinceOffice(province);
        MemberView boss = member(county);
        appoint(boss, top, AppointmentRole.MANAGER);
        MemberView deputy = member(county);
        appoint(deputy, top, AppointmentRole.DEPUTY);
        MemberView outsider = member(county);
        ApplicationView app = submitted(form(member(county), county, OfficeLevel.COUNTY, List.of()));

        assertThat(applications.memberReviewers(app.id())).containsExactly(boss.id());
        assertThat(applications.reject(app.id(), Reviewer.member(outsider.id()), "no"))
                .isEqualTo(new Result.Refused(Refusal.NOT_AUTHORISED));
        assertThat(applications.reject(app.id(), Reviewer.member(deputy.id()), "no"))
                .isEqualTo(new Result.Refused(Refusal.NOT_AUTHORISED));
        assertThat(applications.askForInformation(app.id(), Reviewer.member(boss.id()), "Photos?"))
                .isInstanceOf(Result.Done.class);
        assertThat(audit.list(AuditFilter.subject("APPLICATION", app.id())).get(0).actor().memberId())
                .isEqualTo(boss.id());
    }

    @Test
    void applicationsWaitingOnTheApplicantExpireAfterThirtyDays() {
        County county = firstCounty(freshProvince());
        MemberView founder = member(county);
        ApplicationView app = submitted(form(founder, county, OfficeLevel.COUNTY, List.of()));
        applications.askForInformation(app.id(), ADMIN, "Address proof?");

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        applications.expireWaiting();
        assertThat(applications.find(app.id()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.WAITING_FOR_APPLICANT);
        clock.advance(Duration.ofMinutes(1));
        applications.expireWaiting();

        assertThat(applications.find(app.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.EXPIRED);
        assertThat(applications.answer(app.id(), founder.id(), "late")).isEqualTo(new Result.Refused(Refusal.WRONG_STATE));
        assertThat(events.stream(ApplicationChanged.class)).extracting(ApplicationChanged::status)
                .containsExactly(ApplicationStatus.WAITING_FOR_APPLICANT, ApplicationStatus.EXPIRED);
    }
}

package ir.hamyar.domain.appointments;

import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManagerAuthorityTests extends DomainScenario {

    @Test
    void managersAndDeputiesActForTheirOfficeOnly() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView a = countyOffice(county);
        OfficeView b = countyOffice(secondCounty(province));
        MemberView manager = member(county);
        MemberView deputy = member(county);
        MemberView lead = member(county);
        appoint(manager, a, AppointmentRole.MANAGER);
        appoint(deputy, a, AppointmentRole.DEPUTY);
        appoint(lead, a, AppointmentRole.WORKING_GROUP_LEAD);

        assertThat(appointments.isManagerOf(manager.id(), a.id())).isTrue();
        assertThat(appointments.isManagerOf(deputy.id(), a.id())).isTrue();
        assertThat(appointments.isManagerOf(lead.id(), a.id())).isFalse();
        assertThat(appointments.isManagerOf(manager.id(), b.id())).isFalse();
        assertThat(appointments.activeManagersOf(a.id())).containsExactly(manager.id(), deputy.id());
        assertThat(appointments.activeManagersOf(b.id())).isEmpty();
        assertThat(appointments.officesManagedBy(manager.id())).containsExactly(a.id());
    }

    @Test
    void theProvinceManagerActsForEveryOfficeOfTheProvinceButNoOther() {
        Province province = freshProvince();
        Province other = freshProvince();
        County county = firstCounty(province);
        OfficeView top = provinceOffice(province);
        OfficeView middle = countyOffice(county);
        OfficeView centre = localCentre(county, "Centre");
        OfficeView elsewhere = countyOffice(firstCounty(other));
        MemberView boss = member(county);
        MemberView bossDeputy = member(county);
        appoint(boss, top, AppointmentRole.MANAGER);
        appoint(bossDeputy, top, AppointmentRole.DEPUTY);

        assertThat(appointments.isManagerOf(boss.id(), middle.id())).isTrue();
        assertThat(appointments.isManagerOf(boss.id(), centre.id())).isTrue();
        assertThat(appointments.isManagerOf(boss.id(), elsewhere.id())).isFalse();
        assertThat(appointments.isManagerOf(bossDeputy.id(), top.id())).isTrue();
        assertThat(appointments.isManagerOf(bossDeputy.id(), middle.id())).isFalse();
        assertThat(appointments.isProvinceManagerFor(boss.id(), centre.id())).isTrue();
        assertThat(appointments.isProvinceManagerFor(bossDeputy.id(), centre.id())).isFalse();
        assertThat(appointments.activeManagersOf(middle.id())).isEmpty();
    }

    @Test
    void aRevokedManagerLosesPowersAtOnce() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView office = countyOffice(county);
        MemberView manager = member(county);
        AppointmentView decree = appoint(manager, office, AppointmentRole.MANAGER);

        assertThat(appointments.revoke(decree.id(), "inactive", Issuer.member(manager.id()))).isEmpty();

        assertThat(appointments.isManagerOf(manager.id(), office.id())).isFalse();
        assertThat(appointments.activeManagersOf(office.id())).isEmpty();
        assertThat(events.stream(AppointmentRevoked.class))
                .containsExactly(new AppointmentRevoked(decree.id(), manager.id(), office.id(), "inactive"));
    }

    @Test
    void aSuspendedMemberHasNoPowers() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView office = countyOffice(county);
        MemberView manager = member(county);
        appoint(manager, office, AppointmentRole.MANAGER);

        membership.suspend(manager.id(), "test");

        assertThat(appointments.isManagerOf(manager.id(), office.id())).isFalse();
    }

    @Test
    void unknownIdsHaveNoPowers() {
        assertThat(appointments.isManagerOf(-1, -2)).isFalse();
        assertThat(appointments.activeManagersOf(-2)).isEmpty();
        assertThat(appointments.isProvinceManagerFor(-1, -2)).isFalse();
    }
}

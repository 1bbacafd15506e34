package ir.hamyar.domain.offices;

import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficesTests extends DomainScenario {

    @Test
    void routesAReportFromTheNeighbourhoodCentreUpToTheProvinceOffice() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView top = provinceOffice(province);
        OfficeView middle = countyOffice(county);
        OfficeView centre = localCentre(county, "Shahrak-e Gharb");

        assertThat(offices.routeFor(county.id(), "shahrak e  gharb")).extracting(OfficeView::id)
                .containsExactly(centre.id(), middle.id(), top.id());
        assertThat(offices.routeFor(county.id(), "elsewhere")).extracting(OfficeView::id)
                .containsExactly(middle.id(), top.id());
        assertThat(offices.routeFor(county.id(), null)).extracting(OfficeView::id)
                .containsExactly(middle.id(), top.id());
        assertThat(offices.ancestors(centre.id())).extracting(OfficeView::id).containsExactly(middle.id(), top.id());
        assertThat(centre.parentId()).isEqualTo(middle.id());
        assertThat(middle.parentId()).isEqualTo(top.id());
    }

    @Test
    void aCountyWithoutOfficesRoutesToTheAdminsAndAnUnknownCountyToo() {
        Province province = freshProvince();
        assertThat(offices.routeFor(firstCounty(province).id(), "x")).isEmpty();
        assertThat(offices.routeFor(-5, "x")).isEmpty();
    }

    @Test
    void suspendedOfficesLeaveTheRoute() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView top = provinceOffice(province);
        OfficeView middle = countyOffice(county);

        assertThat(offices.changeStatus(middle.id(), OfficeStatus.SUSPENDED)).isEqualTo(StatusChange.CHANGED);

        assertThat(offices.routeFor(county.id(), null)).extracting(OfficeView::id).containsExactly(top.id());
        assertThat(offices.countyOffice(county.id())).isEmpty();
        assertThat(offices.ofCounty(county.id())).extracting(OfficeView::status).containsExactly("SUSPENDED");
    }

    @Test
    void refusesASecondActiveOfficeForOneRegion() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView first = countyOffice(county);

        CreateResult second = offices.establish(NewOffice.county(province.id(), county.id(), "Another"));

        assertThat(second).isEqualTo(new CreateResult.Refused(CreateResult.Reason.REGION_ALREADY_HAS_OFFICE));
        assertThat(offices.ofCounty(county.id())).extracting(OfficeView::id).containsExactly(first.id());

        offices.changeStatus(first.id(), OfficeStatus.SUSPENDED);
        OfficeView replacement = countyOffice(county);
        assertThat(offices.countyOffice(county.id())).map(OfficeView::id).contains(replacement.id());
        assertThat(offices.changeStatus(first.id(), OfficeStatus.ACTIVE))
                .isEqualTo(StatusChange.REGION_ALREADY_HAS_OFFICE);
        assertThat(offices.find(first.id())).map(OfficeView::status).contains("SUSPENDED");
    }

    @Test
    void aLocalCentreNeedsItsCountyOfficeButACountyOfficeMayPrecedeItsProvinceOffice() {
        Province province = freshProvince();
        County county = firstCounty(province);

        assertThat(offices.establish(NewOffice.local(province.id(), county.id(), "Narmak", "Narmak centre")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.PARENT_OFFICE_MISSING));

        OfficeView orphan = countyOffice(county);
        assertThat(orphan.parentId()).isNull();
        OfficeView top = provinceOffice(province);
        assertThat(offices.find(orphan.id())).map(OfficeView::parentId).contains(top.id());
    }

    @Test
    void refusesBadInputWithAReasonAndCreatesNothing() {
        Province province = freshProvince();
        County county = firstCounty(province);
        County foreign = firstCounty(regions.provinces().stream().filter(p -> p.id() != province.id())
                .findFirst().orElseThrow());

        assertThat(offices.establish(NewOffice.county(province.id(), foreign.id(), "Name")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.COUNTY_NOT_IN_PROVINCE));
        assertThat(offices.establish(NewOffice.province(999, "Name")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.UNKNOWN_PROVINCE));
        assertThat(offices.establish(NewOffice.province(province.id(), " ")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.INVALID_NAME));
        assertThat(offices.establish(NewOffice.province(province.id(), "Name").withDonationUrl("http://x.ir")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.INVALID_DONATION_URL));
        assertThat(offices.establish(NewOffice.province(province.id(), "Name").withDonationUrl("javascript:x")))
                .isEqualTo(new CreateResult.Refused(CreateResult.Reason.INVALID_DONATION_URL));
        assertThatThrownBy(() -> offices.create(NewOffice.province(province.id(), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVALID_NAME");
        assertThat(offices.ofProvince(province.id())).isEmpty();
    }

    @Test
    void aLocalCentreCollectsDonationsThroughItsCountyOffice() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView middle = countyOffice(county);
        OfficeView centre = offices.create(NewOffice.local(province.id(), county.id(), "Tajrish", "Tajrish")
                .withDonationUrl("https://ignored.example/"));

        assertThat(centre.donationUrl()).isNull();
        assertThat(offices.donationUrlFor(centre.id())).isEqualTo(middle.donationUrl());
        assertThat(offices.donationUrlFor(middle.id())).isEqualTo("https://hamyar.example/donate/c" + county.id());
        assertThat(offices.setDonationUrl(centre.id(), "https://x.example/")).isFalse();
        assertThat(offices.localCentres(county.id())).extracting(OfficeView::id).containsExactly(centre.id());
    }

    @Test
    void browsingAProvinceListsItsOfficeFirst() {
        Province province = freshProvince();
        OfficeView middle = countyOffice(secondCounty(province));
        OfficeView top = provinceOffice(province);
        assertThat(offices.ofProvince(province.id())).extracting(OfficeView::id).containsExactly(top.id(), middle.id());
        assertThat(offices.provinceOffice(province.id())).map(OfficeView::id).contains(top.id());
        assertThat(events.stream(OfficeCreated.class)).extracting(OfficeCreated::officeId)
                .contains(top.id(), middle.id());
    }
}

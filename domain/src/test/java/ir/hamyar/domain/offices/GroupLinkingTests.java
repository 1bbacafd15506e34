package ir.hamyar.domain.offices;

import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GroupLinkingTests extends DomainScenario {

    private static final long GROUP = -100_500L;

    @Test
    void aFreshCodeLinksTheGroupOnceAndOnlyOnce() {
        OfficeView office = provinceOffice(freshProvince());
        LinkCode code = offices.issueLinkCode(office.id(), clock.instant());
        assertThat(code.code()).hasSize(8);
        assertThat(code.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        LinkResult first = offices.linkGroup(" " + code.code().toLowerCase(Locale.ROOT) + " ", Platform.TELEGRAM,
                GROUP - office.id(), clock.instant());
        LinkResult again = offices.linkGroup(code.code(), Platform.TELEGRAM, GROUP - office.id() - 1,
                clock.instant());

        assertThat(first).isInstanceOf(LinkResult.Linked.class);
        assertThat(again).isEqualTo(new LinkResult.Rejected(LinkResult.Reason.INVALID_CODE));
        assertThat(offices.byGroup(Platform.TELEGRAM, GROUP - office.id())).map(OfficeView::id).contains(office.id());
        assertThat(offices.byGroup(Platform.BALE, GROUP - office.id())).isEmpty();
        assertThat(offices.find(office.id()).orElseThrow().group())
                .isEqualTo(new OfficeView.GroupChat(Platform.TELEGRAM, GROUP - office.id()));
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        OfficeView office = provinceOffice(freshProvince());
        LinkCode late = offices.issueLinkCode(office.id(), clock.instant());
        clock.advance(Duration.ofMinutes(15));
        assertThat(offices.linkGroup(late.code(), Platform.TELEGRAM, GROUP, clock.instant()))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.INVALID_CODE));

        LinkCode inTime = offices.issueLinkCode(office.id(), clock.instant());
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(offices.linkGroup(inTime.code(), Platform.TELEGRAM, GROUP - office.id(), clock.instant()))
                .isInstanceOf(LinkResult.Linked.class);
    }

    @Test
    void aNewCodeVoidsTheOldOneAndGarbageIsRefused() {
        OfficeView office = provinceOffice(freshProvince());
        LinkCode old = offices.issueLinkCode(office.id(), clock.instant());
        offices.issueLinkCode(office.id(), clock.instant());
        assertThat(offices.linkGroup(old.code(), Platform.BALE, 5, clock.instant()))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.INVALID_CODE));
        for (String garbage : new String[] {null, "", "ABC", "'; DROP TABLE office; --", "AAAAAAAAAAAAAAAAAA"}) {
            assertThat(offices.linkGroup(garbage, Platform.BALE, 5, clock.instant()))
                    .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.INVALID_CODE));
        }
        assertThat(offices.byGroup(Platform.BALE, 5)).isEmpty();
    }

    @Test
    void aGroupServesOneOfficeAndRelinkingReplacesTheOfficesGroup() {
        Province province = freshProvince();
        OfficeView a = provinceOffice(province);
        OfficeView b = countyOffice(firstCounty(province));
        long groupA = GROUP - a.id();
        offices.linkGroup(offices.issueLinkCode(a.id(), clock.instant()).code(), Platform.TELEGRAM, groupA,
                clock.instant());

        LinkResult stolen = offices.linkGroup(offices.issueLinkCode(b.id(), clock.instant()).code(),
                Platform.TELEGRAM, groupA, clock.instant());
        assertThat(stolen).isEqualTo(new LinkResult.Rejected(LinkResult.Reason.GROUP_LINKED_TO_OTHER_OFFICE));

        LinkResult moved = offices.linkGroup(offices.issueLinkCode(a.id(), clock.instant()).code(),
                Platform.TELEGRAM, groupA - 7, clock.instant());
        assertThat(moved).isEqualTo(new LinkResult.Linked(offices.find(a.id()).orElseThrow(),
                new OfficeView.GroupChat(Platform.TELEGRAM, groupA)));
        assertThat(offices.byGroup(Platform.TELEGRAM, groupA)).isEmpty();
    }

    @Test
    void losingTheGroupUnlinksItAndTellsTheOffice() {
        OfficeView office = provinceOffice(freshProvince());
        long group = GROUP - office.id();
        offices.linkGroup(offices.issueLinkCode(office.id(), clock.instant()).code(), Platform.BALE, group,
                clock.instant());

        offices.groupLost(Platform.BALE, group);
        offices.groupLost(Platform.BALE, group);

        assertThat(offices.find(office.id()).orElseThrow().group()).isNull();
        assertThat(events.stream(OfficeGroupLost.class)).containsExactly(new OfficeGroupLost(office.id()));
    }

    @Test
    void unlinkingFreesTheGroup() {
        OfficeView office = provinceOffice(freshProvince());
        long group = GROUP - office.id();
        offices.linkGroup(offices.issueLinkCode(office.id(), clock.instant()).code(), Platform.TELEGRAM, group,
                clock.instant());
        offices.unlinkGroup(office.id());
        assertThat(offices.byGroup(Platform.TELEGRAM, group)).isEmpty();
        assertThat(events.stream(OfficeGroupLost.class)).isEmpty();
    }
}

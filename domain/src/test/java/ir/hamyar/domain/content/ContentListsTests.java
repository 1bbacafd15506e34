package ir.hamyar.domain.content;

import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.content.ContentLists.Kind;
import ir.hamyar.domain.content.EditResult.Reason;
import ir.hamyar.domain.membership.WorkingGroupView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ContentListsTests extends DomainScenario {

    private static final Actor ADMIN = Actor.account(Platform.BALE, 2, null);

    @Autowired
    ContentLists lists;

    @Autowired
    ProblemReporting reporting;

    @Autowired
    AuditTrail audit;

    @Test
    void anAddedCategoryIsOfferedWithItsLabelsUntilRetired() {
        EditResult added = lists.add(ADMIN, Kind.REPORT_CATEGORIES, "ایمنی راه‌ها", "Road Safety!");
        assertThat(added).isEqualTo(new EditResult.Done("report_category.road_safety", 1));
        assertThat(reporting.categories()).contains("road_safety");
        ListItem item = lists.item(Kind.REPORT_CATEGORIES, "road_safety").orElseThrow();
        assertThat(item.active()).isTrue();
        assertThat(item.label().text("fa")).isEqualTo("ایمنی راه‌ها");
        assertThat(item.label().text("en")).isEqualTo("Road Safety!");

        assertThat(lists.add(ADMIN, Kind.REPORT_CATEGORIES, "ایمنی جاده", "Road safety").done()).isTrue();
        assertThat(lists.item(Kind.REPORT_CATEGORIES, "road_safety_2")).as("codes never clash").isPresent();

        assertThat(lists.setActive(ADMIN, Kind.REPORT_CATEGORIES, "road_safety", false).done()).isTrue();
        assertThat(reporting.categories()).doesNotContain("road_safety");
        assertThat(lists.items(Kind.REPORT_CATEGORIES)).extracting(ListItem::code).as("still listed for admins")
                .contains("road_safety");
        assertThat(lists.setActive(ADMIN, Kind.REPORT_CATEGORIES, "road_safety", false))
                .isEqualTo(EditResult.refused(Reason.ALREADY_SO));

        assertThat(lists.setActive(ADMIN, Kind.REPORT_CATEGORIES, "road_safety", true).done()).isTrue();
        assertThat(reporting.categories()).contains("road_safety");
        assertThat(audit.list(new AuditFilter("report_category.road_safety", null, null, null, ContentStore.EDITED,
                null, null, null))).extracting(AuditEntry::reason)
                .containsExactly(ContentLists.RESTORED, ContentLists.RETIRED, "1");
    }

    @Test
    void renamingKeepsTheCodeAndAShippedItemCanBeRetired() {
        assertThat(lists.rename(ADMIN, Kind.INTERESTS, "youth", "نوجوانان و جوانان", "Young people").done()).isTrue();
        ListItem youth = lists.item(Kind.INTERESTS, "youth").orElseThrow();
        assertThat(youth.label().fa()).isEqualTo("نوجوانان و جوانان");

        assertThat(lists.setActive(ADMIN, Kind.INTERESTS, "family", false).done()).isTrue();
        assertThat(membership.workingGroups()).extracting(WorkingGroupView::code).doesNotContain("family")
                .contains("youth");
        assertThat(membership.allWorkingGroups()).filteredOn(g -> g.code().equals("family"))
                .extracting(WorkingGroupView::active).containsExactly(false);
        lists.setActive(ADMIN, Kind.INTERESTS, "family", true);
    }

    @Test
    void anAddedInterestCanBeChosenAtRegistration() {
        EditResult added = lists.add(ADMIN, Kind.INTERESTS, "گردشگری", null);
        assertThat(added.done()).isTrue();
        String code = ((EditResult.Done) added).code().substring(ContentCodes.INTEREST_PREFIX.length());
        assertThat(code).as("no English label: a code from the list's name").startsWith("group");
        assertThat(membership.workingGroups()).extracting(WorkingGroupView::code).last().isEqualTo(code);
    }

    @Test
    void refusesUnknownItemsAndBadLabelsAndChangesNothing() {
        int before = lists.items(Kind.REPORT_CATEGORIES).size();
        assertThat(lists.rename(ADMIN, Kind.REPORT_CATEGORIES, "no_such", "نام", null))
                .isEqualTo(EditResult.refused(Reason.UNKNOWN));
        assertThat(lists.setActive(ADMIN, Kind.REPORT_CATEGORIES, "x'; drop table", false))
                .isEqualTo(EditResult.refused(Reason.UNKNOWN));
        assertThat(lists.add(ADMIN, Kind.REPORT_CATEGORIES, " ", "Empty"))
                .isEqualTo(EditResult.refused(Reason.EMPTY));
        assertThat(lists.add(ADMIN, Kind.REPORT_CATEGORIES, "یک\nدو", "Two lines"))
                .isEqualTo(EditResult.refused(Reason.MULTI_LINE));
        assertThat(lists.items(Kind.REPORT_CATEGORIES)).hasSize(before);
    }

    @Test
    void aDonationLinkIsSetOnProvinceAndCountyOfficesOnly() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView countyOffice = countyOffice(county);
        OfficeView local = localCentre(county, "مرکز");

        assertThat(lists.setDonationUrl(ADMIN, countyOffice.id(), "https://donate.example/county").done()).isTrue();
        assertThat(offices.donationUrlFor(countyOffice.id())).isEqualTo("https://donate.example/county");
        assertThat(offices.donationUrlFor(local.id())).as("a local centre uses its county's").isEqualTo(
                "https://donate.example/county");

        assertThat(lists.setDonationUrl(ADMIN, local.id(), "https://donate.example/local"))
                .isEqualTo(EditResult.refused(Reason.INVALID_LINK));
        assertThat(lists.setDonationUrl(ADMIN, countyOffice.id(), "http://insecure.example"))
                .isEqualTo(EditResult.refused(Reason.INVALID_LINK));
        assertThat(lists.setDonationUrl(ADMIN, -1, "https://donate.example")).isEqualTo(EditResult.refused(Reason.UNKNOWN));
        assertThat(offices.donationUrlFor(countyOffice.id())).isEqualTo("https://donate.example/county");
        assertThat(audit.list(AuditFilter.subject(ContentLists.DONATION_LINK, countyOffice.id())))
                .extracting(AuditEntry::reason).containsExactly("https://donate.example/county");
    }
}

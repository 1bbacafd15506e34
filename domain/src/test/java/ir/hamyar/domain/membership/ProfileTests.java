package ir.hamyar.domain.membership;

import ir.hamyar.domain.membership.UpdateResult.Reason;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.shared.PhoneNumber;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTests extends MembershipTestSupport {

    private MemberView updated(long memberId, ProfileChange change) {
        UpdateResult result = membership.updateProfile(memberId, change);
        assertThat(result).isInstanceOf(UpdateResult.Updated.class);
        return ((UpdateResult.Updated) result).member();
    }

    private void refused(long memberId, ProfileChange change, Reason reason) {
        MemberView before = membership.find(memberId).orElseThrow();
        assertThat(membership.updateProfile(memberId, change)).isEqualTo(new UpdateResult.Rejected(reason));
        assertThat(membership.find(memberId)).contains(before);
    }

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void aMembersViewIsReadInTwoStatementsWhateverItsInterests() {
        long id = registered(form()).id();
        updated(id, new ProfileChange.Interests(Set.of("youth", "legal")));
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        assertThat(membership.find(id).orElseThrow().interestCodes()).containsExactly("youth", "legal");
        // the member with its interests, then its linked accounts; loaded lazily, the interests were a third
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void editsEachFieldOfTheProfile() {
        long id = registered(form()).id();
        County isfahanCounty = regions.counties(isfahan().id()).get(0);
        PhoneNumber phone = newPhone();

        assertThat(updated(id, new ProfileChange.FullName("سارا  رضایی")).fullName()).isEqualTo("سارا رضایی");
        MemberView withPhone = updated(id, new ProfileChange.Phone(phone, true));
        assertThat(withPhone.phone()).isEqualTo(phone.e164());
        assertThat(withPhone.phoneVerified()).isTrue();
        assertThat(updated(id, new ProfileChange.BirthYear(1365)).birthYear()).isEqualTo(1365);
        assertThat(updated(id, new ProfileChange.EducationLevel("DOCTORATE")).education())
                .isEqualTo(Education.DOCTORATE);
        assertThat(updated(id, new ProfileChange.Expertise("حقوق")).expertise()).isEqualTo("حقوق");
        assertThat(updated(id, new ProfileChange.Expertise(" ")).expertise()).isNull();
        MemberView moved = updated(id, new ProfileChange.Region(isfahan().id(), isfahanCounty.id()));
        assertThat(moved.provinceId()).isEqualTo(isfahan().id());
        assertThat(moved.countyId()).isEqualTo(isfahanCounty.id());
        assertThat(updated(id, new ProfileChange.Interests(Set.of("youth", "legal"))).interestCodes())
                .containsExactly("youth", "legal");
        assertThat(updated(id, new ProfileChange.Language("en")).locale()).isEqualTo("en");

        assertThat(membership.find(id).orElseThrow().interestCodes()).containsExactly("youth", "legal");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_interest WHERE member_id = ?", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void validatesEachEditAsRegistrationDoes() {
        long id = registered(form()).id();
        refused(id, new ProfileChange.FullName("123"), Reason.INVALID_NAME);
        refused(id, new ProfileChange.BirthYear(YOUNGEST_BIRTH_YEAR + 1), Reason.INVALID_BIRTH_YEAR);
        refused(id, new ProfileChange.EducationLevel("GENIUS"), Reason.INVALID_EDUCATION);
        refused(id, new ProfileChange.Expertise("x".repeat(201)), Reason.INVALID_EXPERTISE);
        refused(id, new ProfileChange.Region(isfahan().id(), tehranCounty().id()), Reason.COUNTY_NOT_IN_PROVINCE);
        refused(id, new ProfileChange.Interests(Set.of("astrology")), Reason.UNKNOWN_INTEREST);
        refused(id, new ProfileChange.Language("de"), Reason.INVALID_LOCALE);
        refused(id, new ProfileChange.Language(null), Reason.INVALID_LOCALE);
        refused(id, new ProfileChange.Phone(PhoneNumber.parse("+14155552671").orElseThrow(), true),
                Reason.INVALID_PHONE);
    }

    @Test
    void refusesAnotherMembersVerifiedPhoneButKeepsOnesOwn() {
        Form other = form();
        registered(other);
        Form mine = form();
        long id = registered(mine).id();
        refused(id, new ProfileChange.Phone(other.phone, true), Reason.PHONE_OF_OTHER_MEMBER);
        assertThat(updated(id, new ProfileChange.Phone(mine.phone, true)).phone()).isEqualTo(mine.phone.e164());
    }

    @Test
    void refusesNationalCodeChanges() {
        long id = registered(form()).id();
        refused(id, new ProfileChange.NationalCodeChange(newNationalCode()), Reason.NATIONAL_CODE_CHANGE_NOT_ALLOWED);
    }

    @Test
    void answersNoSuchMemberForAnUnknownId() {
        assertThat(membership.updateProfile(-5, new ProfileChange.Language("en")))
                .isEqualTo(new UpdateResult.Rejected(Reason.NO_SUCH_MEMBER));
    }

    @Test
    void aSuspendedMemberMayOnlySwitchLanguage() {
        long id = registered(form()).id();
        membership.suspend(id, "test");
        refused(id, new ProfileChange.FullName("نام تازه"), Reason.MEMBER_NOT_ACTIVE);
        assertThat(updated(id, new ProfileChange.Language("en")).locale()).isEqualTo("en");
    }

    @Test
    void asksForTermsAgainOnlyWhenTheVersionChanged() {
        long id = registered(form().terms("2026-01", NOW)).id();
        assertThat(membership.needsTermsAcceptance(id, "2026-01")).isFalse();
        assertThat(membership.needsTermsAcceptance(id, "2026-06")).isTrue();

        assertThat(membership.acceptTerms(id, "2026-06", NOW.plusSeconds(5))).isTrue();
        assertThat(membership.needsTermsAcceptance(id, "2026-06")).isFalse();
        assertThat(membership.export(id).orElseThrow().termsAcceptedAt()).isEqualTo(NOW.plusSeconds(5));

        assertThat(membership.acceptTerms(id, " ", NOW)).isFalse();
        assertThat(membership.acceptTerms(-1, "2026-06", NOW)).isFalse();
        assertThat(membership.needsTermsAcceptance(-1, "2026-06")).isFalse();
    }
}

package ir.hamyar.domain.membership;

import ir.hamyar.domain.membership.RegistrationResult.Reason;
import ir.hamyar.domain.membership.RegistrationResult.Rejected;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends MembershipTestSupport {

    @Test
    void registersMemberWithEveryFieldOfTheForm() {
        Form form = form().fullName("  محمد\u200Cرضا   احمدی ").expertise("  مهندسی   عمران ")
                .interests(Set.of("urban_services", "economic", "health"));
        MemberView member = registered(form);

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.fullName()).isEqualTo("محمد\u200Cرضا احمدی");
        assertThat(member.phone()).isEqualTo(form.phone.e164());
        assertThat(member.phoneVerified()).isTrue();
        assertThat(member.nationalCode()).isEqualTo(form.nationalCode.value());
        assertThat(member.birthYear()).isEqualTo(1370);
        assertThat(member.education()).isEqualTo(Education.BACHELOR);
        assertThat(member.expertise()).isEqualTo("مهندسی عمران");
        assertThat(member.provinceId()).isEqualTo(tehran().id());
        assertThat(member.countyId()).isEqualTo(tehranCounty().id());
        assertThat(member.interestCodes()).containsExactly("economic", "health", "urban_services");
        assertThat(member.locale()).isEqualTo("fa");
        assertThat(member.referralCode()).matches("[a-z2-9]{8}");
        assertThat(member.referredBy()).isNull();
        assertThat(member.createdAt()).isEqualTo(NOW);
        assertThat(member.accounts()).extracting(LinkedAccount::platform).containsExactly(Platform.TELEGRAM);

        assertThat(membership.findByAccount(Platform.TELEGRAM, form.userId)).contains(member);
        assertThat(membership.find(member.id())).contains(member);
        assertThat(membership.findByAccount(Platform.BALE, form.userId)).isEmpty();
        assertThat(events.stream(MemberRegistered.class))
                .containsExactly(new MemberRegistered(member.id(), Platform.TELEGRAM, null));
    }

    @Test
    void storesTheAcceptedTermsVersionAndTime() {
        MemberView member = registered(form().terms("v7", NOW.minusSeconds(60)));
        MemberExport export = membership.export(member.id()).orElseThrow();
        assertThat(export.termsVersion()).isEqualTo("v7");
        assertThat(export.termsAcceptedAt()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void rejectsSecondRegistrationWithTheSameNationalCode() {
        Form first = form();
        registered(first);
        Form second = form().nationalCode(first.nationalCode);

        assertThat(membership.register(second.build())).isEqualTo(new Rejected(Reason.DUPLICATE_NATIONAL_CODE));
        assertThat(membersWithNationalCode(first.nationalCode)).isEqualTo(1);
        assertThat(accountsOfUser(second.userId)).isZero();
    }

    @Test
    void rejectsTheSameAccountRegisteringTwice() {
        Form first = form();
        MemberView member = registered(first);
        Form again = form().platform(Platform.TELEGRAM, first.userId);

        assertThat(membership.register(again.build())).isEqualTo(new Rejected(Reason.ALREADY_REGISTERED));
        assertThat(membersWithNationalCode(again.nationalCode)).isZero();
        assertThat(membership.findByAccount(Platform.TELEGRAM, first.userId)).map(MemberView::id)
                .contains(member.id());
    }

    @Test
    void offersLinkingWhenTheVerifiedPhoneIsAnotherMembersVerifiedPhone() {
        Form telegram = form();
        registered(telegram);
        Form bale = form().platform(Platform.BALE, newUserId()).phone(telegram.phone, true);

        assertThat(membership.register(bale.build()))
                .isEqualTo(new Rejected(Reason.PHONE_OF_OTHER_MEMBER_LINK_POSSIBLE));
        assertThat(membersWithNationalCode(bale.nationalCode)).isZero();
    }

    @Test
    void aTypedPhoneProvesNothingSoItNeitherOffersLinkingNorBlocks() {
        Form owner = form();
        registered(owner);
        MemberView other = registered(form().phone(owner.phone, false));
        assertThat(other.phoneVerified()).isFalse();
        assertThat(other.phone()).isEqualTo(owner.phone.e164());
    }

    @Test
    void refusesACountyOfAnotherProvince() {
        Form form = form().region(isfahan().id(), tehranCounty().id());
        assertThat(membership.register(form.build())).isEqualTo(new Rejected(Reason.COUNTY_NOT_IN_PROVINCE));
        assertThat(membership.register(form().region(tehran().id(), 999_999).build()))
                .isEqualTo(new Rejected(Reason.COUNTY_NOT_IN_PROVINCE));
        assertThat(membersWithNationalCode(form.nationalCode)).isZero();
    }

    @Test
    void refusesABirthYearFromTheFutureOrOfAChild() {
        assertThat(membership.register(form().birthYear(1450).build()))
                .isEqualTo(new Rejected(Reason.INVALID_BIRTH_YEAR));
        assertThat(membership.register(form().birthYear(YOUNGEST_BIRTH_YEAR + 1).build()))
                .isEqualTo(new Rejected(Reason.INVALID_BIRTH_YEAR));
        assertThat(membership.register(form().birthYear(1299).build()))
                .isEqualTo(new Rejected(Reason.INVALID_BIRTH_YEAR));
        assertThat(membership.register(form().birthYear(1990).build()))
                .isEqualTo(new Rejected(Reason.INVALID_BIRTH_YEAR));
        assertThat(registered(form().birthYear(YOUNGEST_BIRTH_YEAR)).birthYear()).isEqualTo(YOUNGEST_BIRTH_YEAR);
        assertThat(registered(form().birthYear(1300)).birthYear()).isEqualTo(1300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ab", "12345", "۱۲۳۴۵", "علی۱۲", "@@@@", "-علی",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk", "Алексей"})
    void refusesNamesThatAreNotThreeToSixtyLetters(String name) {
        Form form = form().fullName(name);
        assertThat(membership.register(form.build())).isEqualTo(new Rejected(Reason.INVALID_NAME));
        assertThat(membersWithNationalCode(form.nationalCode)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"علی", "John O'Neil", "Jean-Luc Picard", "زهرا\u200Cسادات موسوی"})
    void acceptsPersianAndLatinNames(String name) {
        assertThat(registered(form().fullName(name)).fullName()).isEqualTo(name);
    }

    @Test
    void refusesEveryOtherInvalidFieldAndCreatesNothing() {
        assertRejected(f -> f.interests(Set.of("social", "astrology")), Reason.UNKNOWN_INTEREST);
        assertRejected(f -> f.education("PHD"), Reason.INVALID_EDUCATION);
        assertRejected(f -> f.education(null), Reason.INVALID_EDUCATION);
        assertRejected(f -> f.phone(PhoneNumber.parse("+447911123456").orElseThrow(), true), Reason.INVALID_PHONE);
        assertRejected(f -> f.phone(null, false), Reason.INVALID_PHONE);
        assertRejected(f -> f.nationalCode(null), Reason.INVALID_NATIONAL_CODE);
        assertRejected(f -> f.locale("de"), Reason.INVALID_LOCALE);
        assertRejected(f -> f.terms(null, NOW), Reason.TERMS_NOT_ACCEPTED);
        assertRejected(f -> f.terms("v1", null), Reason.TERMS_NOT_ACCEPTED);
        assertRejected(f -> f.expertise("x".repeat(201)), Reason.INVALID_EXPERTISE);
    }

    @Test
    void acceptsNoInterestsNoExpertiseAndTheDefaultLocale() {
        MemberView member = registered(form().interests(Set.of()).expertise("  ").locale(null));
        assertThat(member.interestCodes()).isEmpty();
        assertThat(member.expertise()).isNull();
        assertThat(member.locale()).isEqualTo("fa");
    }

    @Test
    void listsTheActiveWorkingGroupsInOrder() {
        assertThat(membership.workingGroups()).extracting(WorkingGroupView::code).containsExactly(
                "economic", "cultural", "social", "education", "health", "environment", "technology", "youth",
                "family", "legal", "urban_services");
    }

    @Test
    void viewsKeepPersonalDataOutOfTheirText() {
        Form form = form();
        MemberView member = registered(form);
        String digits = form.phone.e164().substring(1);
        assertThat(member.toString()).doesNotContain(form.nationalCode.value(), digits, form.fullName);
        assertThat(form.build().toString()).doesNotContain(form.nationalCode.value(), digits, form.fullName);
        assertThat(membership.export(member.id()).orElseThrow().toString())
                .doesNotContain(form.nationalCode.value(), digits, form.fullName);
    }

    private void assertRejected(UnaryOperator<Form> change, Reason reason) {
        Form form = change.apply(form());
        assertThat(membership.register(form.build())).as(reason.name()).isEqualTo(new Rejected(reason));
        assertThat(accountsOfUser(form.userId)).isZero();
        if (form.nationalCode != null) {
            assertThat(membersWithNationalCode(form.nationalCode)).isZero();
        }
    }
}

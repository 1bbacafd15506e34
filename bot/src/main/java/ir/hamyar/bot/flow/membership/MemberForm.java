package ir.hamyar.bot.flow.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The draft of the member form: what has been answered so far. Also used to edit one field of an existing
 * member ({@code editMemberId} set). Kept in the conversation row until the form ends.
 *
 * @param returnToSummary an answer changed from the summary goes back to the summary
 */
record MemberForm(
        Long editMemberId,
        String referral,
        String termsVersion,
        Instant termsAcceptedAt,
        String phone,
        boolean phoneVerified,
        String name,
        String nationalCode,
        Integer birthYear,
        String education,
        String expertise,
        Integer provinceId,
        Integer countyId,
        List<String> interests,
        int page,
        String filter,
        boolean returnToSummary) {

    MemberForm {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    static MemberForm start(String referral) {
        return new MemberForm(null, referral, null, null, null, false, null, null, null, null, null, null, null,
                List.of(), 0, null, false);
    }

    boolean editing() {
        return editMemberId != null;
    }

    MemberForm terms(String version, Instant at) {
        return new MemberForm(editMemberId, referral, version, at, phone, phoneVerified, name, nationalCode, birthYear,
                education, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm phone(String e164, boolean verified) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, e164, verified, name, nationalCode,
                birthYear, education, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm name(String value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, value,
                nationalCode, birthYear, education, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm nationalCode(String value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name, value,
                birthYear, education, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm birthYear(int value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, value, education, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm education(String value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, value, expertise, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    MemberForm expertise(String value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, value, provinceId, countyId, interests, 0, null, returnToSummary);
    }

    /** A new province clears the county: it must be chosen again within the province. */
    MemberForm province(int value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, value, null, interests, 0, null, returnToSummary);
    }

    MemberForm county(int value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, provinceId, value, interests, 0, null, returnToSummary);
    }

    MemberForm toggleInterest(String code) {
        List<String> next = new ArrayList<>(interests);
        if (!next.remove(code)) {
            next.add(code);
        }
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, provinceId, countyId, next, page, filter, returnToSummary);
    }

    MemberForm page(int value, String newFilter) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, provinceId, countyId, interests, value, newFilter,
                returnToSummary);
    }

    MemberForm returningToSummary(boolean value) {
        return new MemberForm(editMemberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, provinceId, countyId, interests, 0, null, value);
    }

    MemberForm forEdit(long memberId) {
        return new MemberForm(memberId, referral, termsVersion, termsAcceptedAt, phone, phoneVerified, name,
                nationalCode, birthYear, education, expertise, provinceId, countyId, interests, 0, null, false);
    }
}

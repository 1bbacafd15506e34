package ir.hamyar.domain.membership;

/** The outcome of {@link Membership#register(Registration)}: a new member, or why nothing was created. */
public sealed interface RegistrationResult {

    record Registered(MemberView member) implements RegistrationResult {
    }

    record Rejected(Reason reason) implements RegistrationResult {
    }

    enum Reason {
        /** This messenger account already belongs to a member. */
        ALREADY_REGISTERED,
        /** Another member holds this national code. */
        DUPLICATE_NATIONAL_CODE,
        /** The verified phone is another member's verified phone: offer {@link Membership#linkAccount} instead. */
        PHONE_OF_OTHER_MEMBER_LINK_POSSIBLE,
        /** The county is unknown or lies in another province. */
        COUNTY_NOT_IN_PROVINCE,
        /** Outside 1300 .. (current Jalali year − 10). */
        INVALID_BIRTH_YEAR,
        /** Not 3–60 characters of Persian or Latin letters. */
        INVALID_NAME,
        /** An interest code that is not an active working group. */
        UNKNOWN_INTEREST,
        /** No phone, or not an Iranian mobile number. */
        INVALID_PHONE,
        /** No national code. */
        INVALID_NATIONAL_CODE,
        /** Not an {@link Education} code. */
        INVALID_EDUCATION,
        /** Expertise longer than 200 characters. */
        INVALID_EXPERTISE,
        /** Locale other than "fa" or "en". */
        INVALID_LOCALE,
        /** No terms version or acceptance time. */
        TERMS_NOT_ACCEPTED
    }
}

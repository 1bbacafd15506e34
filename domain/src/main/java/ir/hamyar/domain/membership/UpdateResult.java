package ir.hamyar.domain.membership;

/** The outcome of {@link Membership#updateProfile}: the updated member, or why nothing changed. */
public sealed interface UpdateResult {

    record Updated(MemberView member) implements UpdateResult {
    }

    record Rejected(Reason reason) implements UpdateResult {
    }

    enum Reason {
        NO_SUCH_MEMBER,
        /** Suspended, left or erased members may not edit their profile (a suspended one may switch language). */
        MEMBER_NOT_ACTIVE,
        INVALID_NAME,
        INVALID_PHONE,
        /** The verified phone is another member's verified phone. */
        PHONE_OF_OTHER_MEMBER,
        INVALID_BIRTH_YEAR,
        INVALID_EDUCATION,
        INVALID_EXPERTISE,
        COUNTY_NOT_IN_PROVINCE,
        UNKNOWN_INTEREST,
        INVALID_LOCALE,
        NATIONAL_CODE_CHANGE_NOT_ALLOWED
    }
}

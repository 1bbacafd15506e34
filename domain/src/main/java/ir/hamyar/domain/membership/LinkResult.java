package ir.hamyar.domain.membership;

/** The outcome of {@link Membership#linkAccount}: the member now reachable from this account, or why not. */
public sealed interface LinkResult {

    record Linked(MemberView member) implements LinkResult {
    }

    record Rejected(Reason reason) implements LinkResult {
    }

    enum Reason {
        /** This messenger account already belongs to a member. */
        ACCOUNT_ALREADY_LINKED,
        /** No member holds this phone as a verified phone. */
        NO_MEMBER_WITH_PHONE,
        /** The member already has another account on this messenger (a recycled number, or a second account). */
        MEMBER_HAS_ACCOUNT_ON_PLATFORM
    }
}

package ir.hamyar.domain.membership;

import java.time.Instant;
import java.util.List;

/**
 * What callers may know about a member. Personal fields are null once the member is erased.
 * {@code phone} is E.164; {@code interestCodes} are working-group codes in their display order.
 */
public record MemberView(
        long id,
        MemberStatus status,
        String fullName,
        String phone,
        boolean phoneVerified,
        String nationalCode,
        Integer birthYear,
        Education education,
        String expertise,
        Integer provinceId,
        Integer countyId,
        List<String> interestCodes,
        String locale,
        String referralCode,
        Long referredBy,
        Instant createdAt,
        List<LinkedAccount> accounts) {

    public MemberView {
        interestCodes = List.copyOf(interestCodes);
        accounts = List.copyOf(accounts);
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    /** Personal data (name, phone, national code, birth year) stays out of logs. */
    @Override
    public String toString() {
        return "MemberView[id=" + id + ", status=" + status + ", locale=" + locale + ", accounts=" + accounts + "]";
    }
}

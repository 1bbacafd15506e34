package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;
import java.util.List;

/** Everything the membership module holds about a member (for /mydata); other modules add their own parts. */
public record MemberExport(
        long memberId,
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
        long referralCount,
        String termsVersion,
        Instant termsAcceptedAt,
        String suspendedReason,
        Instant createdAt,
        Instant erasedAt,
        List<Account> accounts) {

    public MemberExport {
        interestCodes = List.copyOf(interestCodes);
        accounts = List.copyOf(accounts);
    }

    /** A messenger account with the identifiers the messenger gave us. */
    public record Account(Platform platform, long userId, long chatId, Instant linkedAt, Instant lastSeenAt) {
        @Override
        public String toString() {
            return "Account[platform=" + platform + "]";
        }
    }

    /** The export is personal data through and through: keep it out of logs. */
    @Override
    public String toString() {
        return "MemberExport[memberId=" + memberId + ", status=" + status + "]";
    }
}

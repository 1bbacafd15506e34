package ir.hamyar.domain.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the bot checks on every input of a member, read in one query: the member's status and accepted terms,
 * and when and where this account was last seen. No personal data.
 *
 * @param lastSeenAt when this account was last seen (moved forward by {@link Membership#touch})
 * @param chatId     the private chat this account was last seen in
 * @param otherSeenAt when the member's other account (another messenger) was last seen, or null
 */
public record MemberStanding(long memberId, MemberStatus status, String termsVersion, Instant lastSeenAt,
                             long chatId, Instant otherSeenAt) {

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    /** True when terms other than {@code currentVersion} (or none) were the last accepted. */
    public boolean needsTermsAcceptance(String currentVersion) {
        return status != MemberStatus.ERASED && !Objects.equals(termsVersion, currentVersion);
    }

    /**
     * Whether last-seen is worth writing now: the chat moved, another account of the member looks more recent
     * than this one, or it was last written over {@code granularity} ago. Last-seen is read only to choose a
     * member's most recent account (where notifications and roles go); writing it on every update would cost
     * a row update and a WAL record per message without changing that choice.
     */
    public boolean lastSeenOutdated(long nowChatId, Instant now, Duration granularity) {
        return chatId != nowChatId || lastSeenAt == null || lastSeenAt.plus(granularity).isBefore(now)
                || (otherSeenAt != null && !lastSeenAt.isAfter(otherSeenAt));
    }
}

package ir.hamyar.domain.audit;

import ir.hamyar.domain.shared.Platform;

/** Who acted: a member, a messenger identity (admins), both, or nobody (the system's own jobs). */
public record Actor(Long memberId, Platform platform, Long userId) {

    public static Actor member(long memberId) {
        return new Actor(memberId, null, null);
    }

    public static Actor account(Platform platform, long userId, Long memberIdOrNull) {
        return new Actor(memberIdOrNull, platform, userId);
    }

    public static Actor system() {
        return new Actor(null, null, null);
    }

    public boolean isSystem() {
        return memberId == null && platform == null;
    }
}

package ir.hamyar.domain.appointments;

import ir.hamyar.domain.shared.Platform;

/**
 * Who issued, renewed or revoked an appointment: a member (a province manager, or the reviewer of an
 * application) and/or an admin's messenger identity. The caller has authorised them.
 */
public record Issuer(Long memberId, Platform platform, Long userId) {

    public static Issuer member(long memberId) {
        return new Issuer(memberId, null, null);
    }

    public static Issuer admin(Platform platform, long userId, Long memberIdOrNull) {
        return new Issuer(memberIdOrNull, platform, userId);
    }

    /** The daily job and other automatic changes. */
    public static Issuer system() {
        return new Issuer(null, null, null);
    }

    String account() {
        return platform == null || userId == null ? null : platform.name() + ":" + userId;
    }
}

package ir.hamyar.domain.applications;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.shared.Platform;

/**
 * Who decides. A network-wide reviewer ({@code network}: an admin, or an account granted the reviewer role) is
 * vouched for by the caller (roles are decided in the bot); a member reviewer is checked here on every decision:
 * the manager of the application's province office, in force now. Nobody decides their own application.
 */
public record Reviewer(Actor actor, boolean network) {

    /** An admin of the network. */
    public static Reviewer admin(Platform platform, long userId, Long memberIdOrNull) {
        return network(platform, userId, memberIdOrNull);
    }

    /** An account the caller vouches may review applications anywhere (an admin or a granted reviewer). */
    public static Reviewer network(Platform platform, long userId, Long memberIdOrNull) {
        return new Reviewer(Actor.account(platform, userId, memberIdOrNull), true);
    }

    public static Reviewer member(long memberId) {
        return new Reviewer(Actor.member(memberId), false);
    }
}

package ir.hamyar.domain.applications;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.shared.Platform;

/**
 * Who decides. An admin is vouched for by the caller (admins are configured in the bot); a member reviewer is
 * checked here on every decision: the manager of the application's province office, in force now.
 */
public record Reviewer(Actor actor, boolean admin) {

    public static Reviewer admin(Platform platform, long userId, Long memberIdOrNull) {
        return new Reviewer(Actor.account(platform, userId, memberIdOrNull), true);
    }

    public static Reviewer member(long memberId) {
        return new Reviewer(Actor.member(memberId), false);
    }
}

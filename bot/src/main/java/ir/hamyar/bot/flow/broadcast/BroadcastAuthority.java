package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The broadcast flow's view of {@link Access} for {@link Action#BROADCAST}: admins reach any audience; managers
 * (and deputies) of an office in force reach that office's members and nothing else. Asked by the flow, the cancel
 * button and the scheduler (a scheduled broadcast whose author lost the right is not sent).
 */
@Component
class BroadcastAuthority {

    private final Access access;

    BroadcastAuthority(Access access) {
        this.access = access;
    }

    private Scope scope(Platform platform, long userId) {
        return access.scope(access.caller(platform, userId), Action.BROADCAST);
    }

    /** May broadcast to the whole network (any audience). */
    boolean isAdmin(Platform platform, long userId) {
        return scope(platform, userId).network();
    }

    /** The member behind this account, if any (whatever their status): the audit trail names them. */
    Optional<Long> memberId(Platform platform, long userId) {
        return access.caller(platform, userId).memberId();
    }

    /** The offices whose members this account may reach (empty for admins, who are not limited to offices). */
    List<Long> managedOffices(Platform platform, long userId) {
        return scope(platform, userId).officeIds().stream().sorted().toList();
    }

    /** Whether this account may send to this audience now. */
    boolean maySend(Platform platform, long userId, Audience audience) {
        Scope scope = scope(platform, userId);
        return scope.network()
                || audience instanceof Audience.OfficeMembers office && scope.covers(office.officeId());
    }
}

package ir.hamyar.domain.access;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.shared.Platform;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Roles held by messenger accounts. Read on every authorisation check (one indexed lookup), never cached, so a
 * revocation takes effect at the account's next press.
 */
@Service
@Transactional
public class Roles {

    /** Audit codes. */
    public static final String GRANTED = "ROLE_GRANTED";
    public static final String REVOKED = "ROLE_REVOKED";
    /** Audit subject type: the subject id is the account's messenger user id, the reason names platform and role. */
    public static final String SUBJECT = "ACCOUNT";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Roles(JdbcClient jdbc, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public Set<Role> of(Platform platform, long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM role_grant WHERE platform = ? AND user_id = ?")
                .params(platform.name(), userId)
                .query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /** Gives the role; false when the account already held it (nothing recorded then). */
    public boolean grant(Actor by, Platform platform, long userId, Role role) {
        Objects.requireNonNull(role, "role");
        int added = jdbc.sql("INSERT INTO role_grant (platform, user_id, role, granted_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(platform.name(), userId, role.name(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (added == 0) {
            return false;
        }
        audit.record(by, GRANTED, SUBJECT, userId, null, platform.name() + ":" + role.name());
        return true;
    }

    /** Takes the role away; false when the account did not hold it. */
    public boolean revoke(Actor by, Platform platform, long userId, Role role) {
        int removed = jdbc.sql("DELETE FROM role_grant WHERE platform = ? AND user_id = ? AND role = ?")
                .params(platform.name(), userId, role.name())
                .update();
        if (removed == 0) {
            return false;
        }
        audit.record(by, REVOKED, SUBJECT, userId, null, platform.name() + ":" + role.name());
        return true;
    }

    @Transactional(readOnly = true)
    public List<RoleGrant> all() {
        return jdbc.sql("SELECT platform, user_id, role, granted_at FROM role_grant ORDER BY role, granted_at, id")
                .query((rs, n) -> new RoleGrant(Platform.valueOf(rs.getString("platform")), rs.getLong("user_id"),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("granted_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}

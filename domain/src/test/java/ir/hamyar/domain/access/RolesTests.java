package ir.hamyar.domain.access;

import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTests extends DomainScenario {

    private static final Actor BOOTSTRAP_ADMIN = Actor.account(Platform.TELEGRAM, 1, null);

    @Autowired
    Roles roles;

    @Autowired
    AuditTrail audit;

    @Test
    void aGrantedRoleIsHeldUntilRevokedAndBothAreAudited() {
        long user = 7_100_001L;
        assertThat(roles.of(Platform.BALE, user)).isEmpty();

        assertThat(roles.grant(BOOTSTRAP_ADMIN, Platform.BALE, user, Role.REVIEWER)).isTrue();
        assertThat(roles.of(Platform.BALE, user)).containsExactly(Role.REVIEWER);
        assertThat(roles.of(Platform.TELEGRAM, user)).as("a role belongs to one platform's account").isEmpty();

        assertThat(roles.revoke(BOOTSTRAP_ADMIN, Platform.BALE, user, Role.REVIEWER)).isTrue();
        assertThat(roles.of(Platform.BALE, user)).isEmpty();

        List<AuditEntry> entries = audit.list(AuditFilter.subject(Roles.SUBJECT, user));
        assertThat(entries).extracting(AuditEntry::action).containsExactly(Roles.REVOKED, Roles.GRANTED);
        assertThat(entries).allSatisfy(e -> assertThat(e.reason()).isEqualTo("BALE:REVIEWER"));
        assertThat(entries.get(0).actor()).isEqualTo(BOOTSTRAP_ADMIN);
    }

    @Test
    void grantingTwiceOrRevokingWhatIsNotHeldChangesNothing() {
        long user = 7_100_002L;
        assertThat(roles.grant(BOOTSTRAP_ADMIN, Platform.TELEGRAM, user, Role.ADMIN)).isTrue();
        assertThat(roles.grant(BOOTSTRAP_ADMIN, Platform.TELEGRAM, user, Role.ADMIN)).isFalse();
        assertThat(roles.revoke(BOOTSTRAP_ADMIN, Platform.TELEGRAM, user, Role.REVIEWER)).isFalse();

        assertThat(roles.of(Platform.TELEGRAM, user)).containsExactly(Role.ADMIN);
        assertThat(roles.all()).filteredOn(g -> g.userId() == user).hasSize(1);
        assertThat(audit.list(AuditFilter.subject(Roles.SUBJECT, user))).hasSize(1);
    }
}

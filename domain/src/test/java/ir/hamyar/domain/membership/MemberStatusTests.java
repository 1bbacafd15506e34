package ir.hamyar.domain.membership;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberStatusTests extends MembershipTestSupport {

    @Test
    void suspendsAndReinstatesAMember() {
        long id = registered(form()).id();

        assertThat(membership.suspend(id, "  نقض   اصل دوم ")).isEqualTo(StatusChangeResult.CHANGED);
        assertThat(membership.find(id).orElseThrow().status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(membership.export(id).orElseThrow().suspendedReason()).isEqualTo("نقض اصل دوم");
        assertThat(membership.suspend(id, "again")).isEqualTo(StatusChangeResult.UNCHANGED);
        assertThat(events.stream(MemberSuspended.class)).containsExactly(new MemberSuspended(id));

        assertThat(membership.reinstate(id)).isEqualTo(StatusChangeResult.CHANGED);
        assertThat(membership.find(id).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(membership.export(id).orElseThrow().suspendedReason()).isNull();
        assertThat(membership.reinstate(id)).isEqualTo(StatusChangeResult.UNCHANGED);
        assertThat(events.stream(MemberReinstated.class)).containsExactly(new MemberReinstated(id));
    }

    @Test
    void keepsAtMost200CharactersOfASuspensionReason() {
        long id = registered(form()).id();
        membership.suspend(id, "x".repeat(500));
        assertThat(membership.export(id).orElseThrow().suspendedReason()).hasSize(200);
    }

    @Test
    void anErasedMemberCanNeitherBeSuspendedNorReinstated() {
        long id = registered(form()).id();
        membership.erase(id, NOW);
        assertThat(membership.suspend(id, "x")).isEqualTo(StatusChangeResult.NOT_ALLOWED);
        assertThat(membership.reinstate(id)).isEqualTo(StatusChangeResult.NOT_ALLOWED);
    }

    @Test
    void answersNoSuchMemberForAnUnknownId() {
        assertThat(membership.suspend(-1, "x")).isEqualTo(StatusChangeResult.NO_SUCH_MEMBER);
        assertThat(membership.reinstate(-1)).isEqualTo(StatusChangeResult.NO_SUCH_MEMBER);
    }
}

package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralTests extends MembershipTestSupport {

    @Test
    void recordsWhoInvitedANewcomerAndCountsTheInvitees() {
        MemberView inviter = registered(form());
        assertThat(membership.referralCount(inviter.id())).isZero();

        MemberView first = registered(form().referralCode(inviter.referralCode()));
        MemberView second = registered(form().platform(Platform.BALE, newUserId())
                .referralCode(" " + inviter.referralCode().toUpperCase(Locale.ROOT) + " "));

        assertThat(first.referredBy()).isEqualTo(inviter.id());
        assertThat(second.referredBy()).isEqualTo(inviter.id());
        assertThat(membership.referralCount(inviter.id())).isEqualTo(2);
        assertThat(membership.referralCount(first.id())).isZero();
        assertThat(events.stream(MemberRegistered.class))
                .contains(new MemberRegistered(second.id(), Platform.BALE, inviter.id()));
    }

    @Test
    void findsTheMemberOfAReferralCode() {
        MemberView inviter = registered(form());
        assertThat(membership.memberIdByReferralCode(inviter.referralCode())).contains(inviter.id());
        assertThat(membership.memberIdByReferralCode("zzzzzzzz")).isEmpty();
        assertThat(membership.memberIdByReferralCode("'; drop table member; --")).isEmpty();
        assertThat(membership.memberIdByReferralCode(null)).isEmpty();
    }

    @Test
    void anUnknownReferralCodeDoesNotStopRegistration() {
        MemberView member = registered(form().referralCode("nobody22"));
        assertThat(member.referredBy()).isNull();
    }

    @Test
    void everyMemberGetsADistinctCode() {
        MemberView a = registered(form());
        MemberView b = registered(form());
        assertThat(a.referralCode()).isNotEqualTo(b.referralCode());
    }
}

package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountLinkingTests extends MembershipTestSupport {

    @Autowired
    MemberStandings standings;

    @Test
    void linksTheOtherMessengerToTheMemberOwningTheVerifiedPhone() {
        Form telegram = form();
        MemberView member = registered(telegram);
        long baleUser = newUserId();

        LinkResult result = membership.linkAccount(Platform.BALE, baleUser, baleUser, telegram.phone);

        assertThat(result).isInstanceOf(LinkResult.Linked.class);
        MemberView linked = ((LinkResult.Linked) result).member();
        assertThat(linked.id()).isEqualTo(member.id());
        assertThat(linked.accounts()).extracting(LinkedAccount::platform)
                .containsExactly(Platform.TELEGRAM, Platform.BALE);
        assertThat(membership.findByAccount(Platform.BALE, baleUser)).map(MemberView::id).contains(member.id());
    }

    @Test
    void notificationsFollowWhereTheMemberLastSpoke() {
        Form telegram = form();
        MemberView member = registered(telegram);
        long baleUser = newUserId();
        membership.linkAccount(Platform.BALE, baleUser, baleUser + 1, telegram.phone);

        membership.touch(Platform.TELEGRAM, telegram.userId, telegram.chatId, NOW.plusSeconds(10));
        membership.touch(Platform.BALE, baleUser, baleUser + 1, NOW.plusSeconds(20));
        assertThat(membership.preferredRecipient(member.id()))
                .contains(new Recipient(Platform.BALE, baleUser + 1, "fa"));

        membership.touch(Platform.TELEGRAM, telegram.userId, telegram.chatId, NOW.plusSeconds(30));
        assertThat(membership.preferredRecipient(member.id()))
                .contains(new Recipient(Platform.TELEGRAM, telegram.chatId, "fa"));

        // an update processed late does not move the member back
        membership.touch(Platform.BALE, baleUser, baleUser + 1, NOW.plusSeconds(25));
        assertThat(membership.preferredRecipient(member.id())).map(Recipient::platform).contains(Platform.TELEGRAM);
    }

    @Test
    void theStandingOfAnAccountComesWithItsMembersStatusTermsAndBothLastSeenTimes() {
        Form telegram = form();
        MemberView member = registered(telegram);
        long baleUser = newUserId();
        membership.linkAccount(Platform.BALE, baleUser, baleUser + 1, telegram.phone);
        membership.touch(Platform.TELEGRAM, telegram.userId, telegram.chatId, NOW.plusSeconds(10));
        membership.touch(Platform.BALE, baleUser, baleUser + 1, NOW.plusSeconds(20));

        MemberStanding onTelegram = standings.of(Platform.TELEGRAM, telegram.userId).orElseThrow();

        assertThat(onTelegram.memberId()).isEqualTo(member.id());
        assertThat(onTelegram.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(onTelegram.termsVersion()).isEqualTo(telegram.termsVersion);
        assertThat(onTelegram.chatId()).isEqualTo(telegram.chatId);
        assertThat(onTelegram.lastSeenAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(onTelegram.otherSeenAt()).isEqualTo(NOW.plusSeconds(20));
        assertThat(standings.of(Platform.BALE, baleUser).orElseThrow().otherSeenAt())
                .isEqualTo(NOW.plusSeconds(10));
        assertThat(standings.of(Platform.BALE, newUserId())).isEmpty();
        assertThat(standings.of(null, baleUser)).isEmpty();
    }

    @Test
    void theStandingsOfSeveralAccountsAreReadAtOnceAndOnlyMembersAreFound() {
        Form first = form();
        Form second = form();
        MemberView one = registered(first);
        MemberView two = registered(second);
        long stranger = newUserId();

        // the same statement for any number of accounts (one array parameter): 1, 3, and again 3 of them, so that a
        // connection keeps it prepared (the driver prepares it from the fifth execution on)
        for (int i = 0; i < 6; i++) {
            assertThat(standings.ofAll(Platform.TELEGRAM, List.of(first.userId, stranger, second.userId)))
                    .containsOnlyKeys(first.userId, second.userId)
                    .hasEntrySatisfying(first.userId, s -> assertThat(s.memberId()).isEqualTo(one.id()))
                    .hasEntrySatisfying(second.userId, s -> assertThat(s.memberId()).isEqualTo(two.id()));
            assertThat(standings.ofAll(Platform.TELEGRAM, List.of(second.userId))).containsOnlyKeys(second.userId);
        }
        assertThat(standings.ofAll(Platform.BALE, List.of(first.userId, second.userId))).as("another platform").isEmpty();
        assertThat(standings.ofAll(Platform.TELEGRAM, List.of())).isEmpty();
    }

    @Test
    void recipientSpeaksTheMembersLanguage() {
        MemberView member = registered(form().locale("en"));
        assertThat(membership.preferredRecipient(member.id())).map(Recipient::locale).contains("en");
        assertThat(membership.preferredRecipient(-1)).isEmpty();
    }

    @Test
    void touchingAnUnknownAccountChangesNothing() {
        long stranger = newUserId();
        membership.touch(Platform.TELEGRAM, stranger, stranger, NOW);
        assertThat(accountsOfUser(stranger)).isZero();
    }

    @Test
    void refusesToLinkAnAccountThatAlreadyBelongsToAMember() {
        Form a = form();
        registered(a);
        Form b = form();
        registered(b);
        assertThat(membership.linkAccount(Platform.TELEGRAM, b.userId, b.chatId, a.phone))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.ACCOUNT_ALREADY_LINKED));
    }

    @Test
    void refusesToLinkWhenNoMemberHoldsThePhoneAsVerified() {
        long baleUser = newUserId();
        assertThat(membership.linkAccount(Platform.BALE, baleUser, baleUser, newPhone()))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.NO_MEMBER_WITH_PHONE));
        Form typed = form().phone(newPhone(), false);
        registered(typed);
        assertThat(membership.linkAccount(Platform.BALE, baleUser, baleUser, typed.phone))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.NO_MEMBER_WITH_PHONE));
        assertThat(membership.linkAccount(Platform.BALE, baleUser, baleUser, null))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.NO_MEMBER_WITH_PHONE));
        assertThat(accountsOfUser(baleUser)).isZero();
    }

    @Test
    void refusesASecondAccountOnTheSameMessenger() {
        Form telegram = form();
        registered(telegram);
        long otherTelegramUser = newUserId();
        assertThat(membership.linkAccount(Platform.TELEGRAM, otherTelegramUser, otherTelegramUser, telegram.phone))
                .isEqualTo(new LinkResult.Rejected(LinkResult.Reason.MEMBER_HAS_ACCOUNT_ON_PLATFORM));
        assertThat(accountsOfUser(otherTelegramUser)).isZero();
    }
}

package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.membership.MemberStanding;
import ir.hamyar.domain.membership.MemberStandings;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The member check of a batch: one read for the batch's senders, each sender's later inputs read again. */
class MemberGuardTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final MemberStandings standings = mock(MemberStandings.class);
    private final MemberGuard guard = new MemberGuard(mock(Membership.class), standings, null, null,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private long updateIds = 100;

    private Inbound from(long user) {
        long id = ++updateIds;
        return new Inbound(Platform.TELEGRAM, id, Inbound.Kind.MESSAGE, user, ChatType.PRIVATE, null, user, "U", "fa",
                (int) id, "/invite", null, null, null, null, null, null);
    }

    private Optional<List<Reply>> check(Inbound in) {
        Session session = new Session(new ChatRef(Platform.TELEGRAM, in.chatId()), ChatType.PRIVATE, in.userId(), "U",
                Locale.ROOT);
        return guard.check(in, session, "invite", null);
    }

    private static MemberStanding suspended(long user) {
        return new MemberStanding(user, MemberStatus.SUSPENDED, "1", NOW, user, null);
    }

    @Test
    void readsTheBatchsSendersOnceAndEachSendersLaterInputAgain() {
        Inbound first1 = from(1);
        Inbound first2 = from(2);
        Inbound second1 = from(1);
        when(standings.ofAll(Platform.TELEGRAM, Set.of(1L, 2L))).thenReturn(Map.of(2L, suspended(2)));
        when(standings.of(Platform.TELEGRAM, 1L)).thenReturn(Optional.of(suspended(1)));

        guard.prepare(List.of(first1, first2, second1));
        Optional<List<Reply>> forFirst1 = check(first1);
        Optional<List<Reply>> forFirst2 = check(first2);
        verify(standings, never()).of(any(), anyLong());
        // user 1 was no member when the batch was read; its first input may have registered it
        Optional<List<Reply>> forSecond1 = check(second1);

        verify(standings, times(1)).ofAll(Platform.TELEGRAM, Set.of(1L, 2L));
        verify(standings, times(1)).of(Platform.TELEGRAM, 1L);
        assertThat(forFirst1).isEmpty();
        assertThat(forFirst2).hasValueSatisfying(r -> assertThat(r).hasSize(1));
        assertThat(forSecond1).hasValueSatisfying(r -> assertThat(r).hasSize(1));
    }

    @Test
    void afterTheBatchEveryInputIsReadOnItsOwn() {
        Inbound a = from(1);
        Inbound b = from(2);
        when(standings.ofAll(any(), any())).thenReturn(Map.of());
        when(standings.of(Platform.TELEGRAM, 1L)).thenReturn(Optional.of(suspended(1)));
        guard.prepare(List.of(a, b));
        guard.batchDone();

        assertThat(check(a)).hasValueSatisfying(r -> assertThat(r).hasSize(1));
        verify(standings).of(Platform.TELEGRAM, 1L);
    }
}

package ir.hamyar.bot.runtime.outbound;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.MessengerClient.SendResult;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.outbound.OutboundGateway.Attempt;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class OutboundGatewayTests {

    private final ManualTicker ticker = new ManualTicker();
    private final RecordingMessengerClient telegram = new RecordingMessengerClient(Platform.TELEGRAM);
    private final RecordingMessengerClient bale = new RecordingMessengerClient(Platform.BALE);
    private final ChatReachability reachability = mock(ChatReachability.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private OutboundGateway gateway(String... settings) {
        return new OutboundGateway(List.of(telegram, bale), TestProperties.outbound(settings), reachability,
                new OutboundMetrics(meters), ticker);
    }

    private static OutboundMessage text(Platform platform, long chatId) {
        return OutboundMessage.sendText(new ChatRef(platform, chatId), "hello", false, null);
    }

    private static OutboundMessage callbackAnswer(long chatId) {
        return new OutboundMessage(OutboundMessage.Op.ANSWER_CALLBACK, Platform.TELEGRAM, chatId, null, false, null,
                null, "cb-1", null, null, null);
    }

    @Test
    void sendsAtMostThirtyMessagesPerSecondPerBot() {
        OutboundGateway gateway = gateway();
        for (int chat = 1; chat <= 30; chat++) {
            assertThat(gateway.attempt(text(Platform.TELEGRAM, chat), 0)).isInstanceOf(Attempt.Done.class);
        }

        Attempt thirtyFirst = gateway.attempt(text(Platform.TELEGRAM, 31), 0);

        assertThat(thirtyFirst).isInstanceOf(Attempt.Wait.class);
        assertThat(((Attempt.Wait) thirtyFirst).duration()).isBetween(Duration.ofMillis(30), Duration.ofMillis(34));
        assertThat(telegram.calls()).hasSize(30);
        assertThat(gateway.attempt(text(Platform.BALE, 31), 0))
                .as("the other bot has limits of its own").isInstanceOf(Attempt.Done.class);

        ticker.advance(Duration.ofMillis(34));
        assertThat(gateway.attempt(text(Platform.TELEGRAM, 31), 0)).isInstanceOf(Attempt.Done.class);
        assertThat(telegram.calls()).hasSize(31);
    }

    @Test
    void holdsEachChatToOneMessagePerSecondAfterASmallBurst() {
        OutboundGateway gateway = gateway();
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.attempt(text(Platform.TELEGRAM, 7), 0)).isInstanceOf(Attempt.Done.class);
        }

        Attempt fourth = gateway.attempt(text(Platform.TELEGRAM, 7), 0);

        assertThat(fourth).isEqualTo(new Attempt.Wait(Duration.ofSeconds(1)));
        assertThat(gateway.attempt(text(Platform.TELEGRAM, 8), 0))
                .as("another chat is not held back").isInstanceOf(Attempt.Done.class);
        ticker.advance(Duration.ofMillis(999));
        assertThat(gateway.attempt(text(Platform.TELEGRAM, 7), 0)).isInstanceOf(Attempt.Wait.class);
        ticker.advance(Duration.ofMillis(1));
        assertThat(gateway.attempt(text(Platform.TELEGRAM, 7), 0)).isInstanceOf(Attempt.Done.class);
        assertThat(telegram.textsTo(7)).hasSize(4);
    }

    @Test
    void holdsAGroupToTwentyMessagesPerMinute() {
        OutboundGateway gateway = gateway();
        long group = -1001234L;
        List<Duration> callTimes = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        while (elapsed.compareTo(Duration.ofMinutes(3)) < 0) {
            Attempt attempt = gateway.attempt(text(Platform.TELEGRAM, group), 0);
            if (attempt instanceof Attempt.Wait wait) {
                ticker.advance(wait.duration());
                elapsed = elapsed.plus(wait.duration());
            } else {
                callTimes.add(elapsed);
            }
        }

        assertThat(callTimes.stream().filter(t -> t.compareTo(Duration.ofMinutes(1)) >= 0
                && t.compareTo(Duration.ofMinutes(2)) < 0)).hasSize(20);
        assertThat(callTimes.stream().filter(t -> t.compareTo(Duration.ofMinutes(1)) < 0))
                .as("at most the burst above the rate in the first minute").hasSizeLessThanOrEqualTo(22);
    }

    @Test
    void pausesTheWholeBotAfterA429AndMakesNoCallInsideTheWindow() {
        OutboundGateway gateway = gateway();
        telegram.answering(m -> m.chatId() == 1 && telegram.calls().isEmpty() ? new SendResult.RetryAfter(5) : null);

        Attempt limited = gateway.attempt(text(Platform.TELEGRAM, 1), 0);

        assertThat(limited).isEqualTo(new Attempt.Retry(Duration.ofSeconds(5), new SendResult.RetryAfter(5)));
        for (int second = 0; second < 5; second++) {
            Attempt other = gateway.attempt(text(Platform.TELEGRAM, 100 + second), 0);
            assertThat(other).isEqualTo(new Attempt.Wait(Duration.ofSeconds(5 - second)));
            assertThat(gateway.attempt(callbackAnswer(200), 0)).isInstanceOf(Attempt.Wait.class);
            ticker.advance(Duration.ofSeconds(1));
        }
        assertThat(telegram.calls()).as("no call inside the window").hasSize(1);
        assertThat(gateway.attempt(text(Platform.BALE, 1), 0)).as("Bale is another bot").isInstanceOf(Attempt.Done.class);

        assertThat(gateway.attempt(text(Platform.TELEGRAM, 1), 0)).isInstanceOf(Attempt.Done.class);
        assertThat(telegram.calls()).hasSize(2);
        assertThat(meters.get("hamyar.messages.rate_limited").tag("platform", "telegram").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void retriesServerErrorsWithExponentialBackOffThenGivesUpWithTheReason() {
        OutboundGateway gateway = gateway("max-attempts", "4", "backoff-initial", "1s", "backoff-max", "3s");
        telegram.answering(m -> new SendResult.Transient("500 Internal Server Error"));
        List<Attempt> attempts = new ArrayList<>();
        for (int previous = 0; previous < 4; previous++) {
            attempts.add(gateway.attempt(text(Platform.TELEGRAM, previous + 1), previous));
        }

        SendResult failure = new SendResult.Transient("500 Internal Server Error");
        assertThat(attempts).containsExactly(
                new Attempt.Retry(Duration.ofSeconds(1), failure),
                new Attempt.Retry(Duration.ofSeconds(2), failure),
                new Attempt.Retry(Duration.ofSeconds(3), failure),
                new Attempt.Done(failure));
        assertThat(meters.get("hamyar.messages.failed").tag("reason", "transient").counter().count()).isEqualTo(1.0);
    }

    @Test
    void treatsAThrowingClientAsATransientFailure() {
        OutboundGateway gateway = gateway();
        telegram.answering(m -> {
            throw new IllegalStateException("boom");
        });

        Attempt attempt = gateway.attempt(text(Platform.TELEGRAM, 1), 0);

        assertThat(attempt).isInstanceOf(Attempt.Retry.class);
        assertThat(((Attempt.Retry) attempt).result()).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void marksTheChatUnreachableOn403AndDoesNotRetry() {
        OutboundGateway gateway = gateway();
        SendResult blocked = new SendResult.Unreachable("403 Forbidden: bot was blocked by the user");
        telegram.answering(m -> blocked);

        Attempt attempt = gateway.attempt(text(Platform.TELEGRAM, 55), 0);

        assertThat(attempt).isEqualTo(new Attempt.Done(blocked));
        verify(reachability).markUnreachable(new ChatRef(Platform.TELEGRAM, 55),
                "403 Forbidden: bot was blocked by the user");
        assertThat(meters.get("hamyar.messages.failed").tag("reason", "unreachable").counter().count()).isEqualTo(1.0);
    }

    @Test
    void doesNotMarkAChatUnreachableWhenARequestIsRejected() {
        OutboundGateway gateway = gateway();
        telegram.answering(m -> new SendResult.Rejected("400 Bad Request: can't parse entities"));

        Attempt attempt = gateway.attempt(text(Platform.TELEGRAM, 56), 0);

        assertThat(attempt).isInstanceOf(Attempt.Done.class);
        verify(reachability, never()).markUnreachable(any(), anyString());
    }

    @Test
    void answersCallbacksEvenWhenTheChatHasUsedItsRate() {
        OutboundGateway gateway = gateway();
        for (int i = 0; i < 3; i++) {
            gateway.attempt(text(Platform.TELEGRAM, 9), 0);
        }
        assertThat(gateway.attempt(text(Platform.TELEGRAM, 9), 0)).isInstanceOf(Attempt.Wait.class);

        assertThat(gateway.attempt(callbackAnswer(9), 0)).isInstanceOf(Attempt.Done.class);
    }

    @Test
    void givesUpOnAPlatformWithoutAClient() {
        OutboundGateway gateway = new OutboundGateway(List.of(telegram), TestProperties.outbound(), reachability,
                new OutboundMetrics(meters), ticker);

        Attempt attempt = gateway.attempt(text(Platform.BALE, 1), 0);

        assertThat(attempt).isInstanceOf(Attempt.Done.class);
        assertThat(((Attempt.Done) attempt).result()).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void forgetsIdleChatLimits() {
        OutboundGateway gateway = gateway();
        gateway.attempt(text(Platform.TELEGRAM, 1), 0);
        gateway.attempt(text(Platform.TELEGRAM, -2), 0);
        ticker.advance(Duration.ofMinutes(1));

        gateway.evictIdle();

        assertThat(gateway.trackedChats(Platform.TELEGRAM)).isZero();
    }
}

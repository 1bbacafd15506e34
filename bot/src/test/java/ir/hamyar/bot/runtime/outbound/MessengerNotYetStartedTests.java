package ir.hamyar.bot.runtime.outbound;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.MessengerClients;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.outbound.OutboundGateway.Attempt;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * After a restart the sender claims rows left by the previous run before the bots have registered their clients:
 * such a row must wait for its messenger, not be given up (found by the SIGKILL test, which lost replies).
 */
class MessengerNotYetStartedTests {

    private final MessengerClients clients = new MessengerClients();
    private final OutboundGateway gateway = new OutboundGateway(clients, TestProperties.outbound(),
            mock(ChatReachability.class), new OutboundMetrics(new SimpleMeterRegistry()), new ManualTicker());
    private final OutboundMessage hello = OutboundMessage.sendText(new ChatRef(Platform.TELEGRAM, 5), "hello", false, null);

    @Test
    void retriesARowWhoseMessengerIsNotRegisteredYetWithoutCountingAFailure() {
        Attempt attempt = gateway.attempt(hello, 0);

        assertThat(attempt).isInstanceOf(Attempt.Retry.class);
        assertThat(((Attempt.Retry) attempt).result())
                .as("not a transient failure: it must not use up the row's attempts")
                .isNotInstanceOf(ir.hamyar.bot.runtime.MessengerClient.SendResult.Transient.class);
    }

    @Test
    void givesUpOnAPlatformStillWithoutAClientOnceAllClientsAreRegistered() {
        clients.register(new RecordingMessengerClient(Platform.BALE));
        clients.registrationComplete();

        Attempt attempt = gateway.attempt(hello, 0);

        assertThat(attempt).isInstanceOf(Attempt.Done.class);
        assertThat(((Attempt.Done) attempt).result())
                .isInstanceOf(ir.hamyar.bot.runtime.MessengerClient.SendResult.Rejected.class);
    }

    @Test
    void sendsTheRowOnceTheMessengerIsRegistered() {
        gateway.attempt(hello, 0);
        RecordingMessengerClient telegram = new RecordingMessengerClient(Platform.TELEGRAM);
        clients.register(telegram);

        assertThat(gateway.attempt(hello, 0)).isInstanceOf(Attempt.Done.class);
        assertThat(telegram.calls()).hasSize(1);
    }
}

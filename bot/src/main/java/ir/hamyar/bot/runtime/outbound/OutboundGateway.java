package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.MessengerClients;
import ir.hamyar.bot.runtime.MessengerClient.SendResult;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The one place that calls {@link MessengerClient#execute}. It keeps each bot within its limits (per bot, per
 * chat, per group; see {@link OutboundProperties}), stops all calls of a bot for the time a 429 asks, turns
 * transient failures into retries with exponential back-off, and records chats that cannot be reached.
 *
 * <p>It never blocks: when a limit does not allow a call now it says how long to wait, and the caller (the
 * {@link OutboxSender}) decides whether to wait holding its lease or to hand the row back.
 */
@Component
public class OutboundGateway {

    private static final Logger log = LoggerFactory.getLogger(OutboundGateway.class);
    private static final Duration NO_CLIENT_RETRY = Duration.ofSeconds(1);

    /** What one attempt to deliver a message came to. */
    public sealed interface Attempt {

        /** A limit (rate or 429 pause) does not allow the call yet: nothing was sent. */
        record Wait(Duration duration) implements Attempt {
        }

        /** The call failed for now (transient failure or 429): try again after {@code after}. */
        record Retry(Duration after, SendResult result) implements Attempt {
        }

        /** Final: sent ({@code Ok}) or given up (unreachable, rejected, or out of attempts). */
        record Done(SendResult result) implements Attempt {
        }
    }

    private final MessengerClients clients;
    private final Map<Platform, PlatformLimiter> limiters = new EnumMap<>(Platform.class);
    private final OutboundProperties properties;
    private final ChatReachability reachability;
    private final OutboundMetrics metrics;
    private final LongSupplier nanoTime;

    /** The clients are registered by the messenger adapter when the bots start: looked up per message. */
    @Autowired
    public OutboundGateway(MessengerClients clients, OutboundProperties properties,
                           ChatReachability reachability, OutboundMetrics metrics) {
        this(clients, properties, reachability, metrics, System::nanoTime);
    }

    OutboundGateway(List<MessengerClient> clients, OutboundProperties properties, ChatReachability reachability,
                    OutboundMetrics metrics, LongSupplier nanoTime) {
        this(registryOf(clients), properties, reachability, metrics, nanoTime);
    }

    private static MessengerClients registryOf(List<MessengerClient> list) {
        MessengerClients registry = new MessengerClients();
        for (MessengerClient client : list) {
            if (registry.get(client.platform()).isPresent()) {
                throw new IllegalStateException("two messenger clients for " + client.platform());
            }
            registry.register(client);
        }
        registry.registrationComplete();
        return registry;
    }

    OutboundGateway(MessengerClients clients, OutboundProperties properties, ChatReachability reachability,
                    OutboundMetrics metrics, LongSupplier nanoTime) {
        this.clients = clients;
        this.properties = properties;
        this.reachability = reachability;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        for (Platform platform : Platform.values()) {
            limiters.put(platform, new PlatformLimiter(properties, now));
        }
    }

    /**
     * Tries to deliver one message now.
     *
     * @param previousAttempts transient failures of this message so far
     */
    public Attempt attempt(OutboundMessage message, int previousAttempts) {
        Platform platform = message.platform();
        MessengerClient client = clients.get(platform).orElse(null);
        if (client == null) {
            if (!clients.isRegistrationComplete()) {
                // The bots register their clients after this sender has started, and rows left pending by the
                // previous run are claimed in between: they wait for their messenger (they were lost on every
                // restart before). Not a failure of the row: no attempt is counted.
                return new Attempt.Retry(NO_CLIENT_RETRY, new SendResult.Rejected("no messenger client for " + platform));
            }
            metrics.failed(platform, "no_client");
            return new Attempt.Done(new SendResult.Rejected("no messenger client for " + platform));
        }
        PlatformLimiter limiter = limiters.get(platform);
        long wait = limiter.tryAcquire(message.op(), message.chatId(), nanoTime.getAsLong());
        if (wait > 0) {
            return new Attempt.Wait(Duration.ofNanos(wait));
        }
        SendResult result = call(client, message);
        if (result instanceof SendResult.Ok) {
            metrics.sent(platform);
            return new Attempt.Done(result);
        }
        if (result instanceof SendResult.RetryAfter retryAfter) {
            int seconds = Math.max(1, retryAfter.seconds());
            limiter.pauseUntil(nanoTime.getAsLong() + Duration.ofSeconds(seconds).toNanos());
            metrics.rateLimited(platform);
            log.warn("{} asked to slow down: no call for {} s", platform, seconds);
            return new Attempt.Retry(Duration.ofSeconds(seconds), result);
        }
        if (result instanceof SendResult.Transient) {
            int attempts = previousAttempts + 1;
            if (attempts >= properties.maxAttempts()) {
                metrics.failed(platform, "transient");
                return new Attempt.Done(result);
            }
            return new Attempt.Retry(backoff(attempts), result);
        }
        if (result instanceof SendResult.Unreachable unreachable) {
            metrics.failed(platform, "unreachable");
            recordUnreachable(message, unreachable);
            return new Attempt.Done(result);
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        metrics.failed(platform, "rejected");
        log.warn("{} rejected a {} call: {}", platform, message.op(), rejected.reason());
        return new Attempt.Done(result);
    }

    /** Wait before the next attempt after {@code attempts} transient failures: initial × 2^(attempts−1), capped. */
    Duration backoff(int attempts) {
        Duration max = properties.backoffMax();
        Duration wait = properties.backoffInitial();
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Forgets idle per-chat limits; called now and then by the poller. */
    void evictIdle() {
        long now = nanoTime.getAsLong();
        limiters.values().forEach(l -> l.evictIdle(now));
    }

    int trackedChats(Platform platform) {
        return limiters.get(platform).trackedChats();
    }

    private static SendResult call(MessengerClient client, OutboundMessage message) {
        try {
            SendResult result = client.execute(message);
            return result == null ? new SendResult.Transient("no result") : result;
        } catch (RuntimeException e) {
            // A client should map its failures itself; one that throws is treated as a passing fault.
            log.warn("{} client threw on a {} call: {}", client.platform(), message.op(), e.getClass().getName());
            return new SendResult.Transient(e.getClass().getSimpleName());
        }
    }

    private void recordUnreachable(OutboundMessage message, SendResult.Unreachable unreachable) {
        try {
            reachability.markUnreachable(message.chat(), unreachable.reason());
        } catch (RuntimeException e) {
            log.warn("could not record an unreachable chat: {}", e.getClass().getName());
        }
    }
}

package ir.hamyar.bot.runtime.conversation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The active-conversations gauge: chats in the middle of a flow that has not expired. Counted at most once per
 * {@code hamyar.health.figures-cache} however often it is scraped, and never on the update path.
 */
@Component
class ConversationMetrics {

    private final ConversationStore store;
    private final Clock clock;
    private final long ttlNanos;
    private long value;
    private long countedAt;
    private boolean counted;

    ConversationMetrics(ConversationStore store, Clock clock, MeterRegistry meters,
                        @Value("${hamyar.health.figures-cache:5s}") Duration cache) {
        this.store = store;
        this.clock = clock;
        this.ttlNanos = cache.toNanos();
        Gauge.builder("hamyar.conversations.active", this, ConversationMetrics::active)
                .description("chats in an unfinished, unexpired flow (recounted every few seconds at most)")
                .register(meters);
    }

    synchronized double active() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= ttlNanos) {
            try {
                value = store.activeConversations(clock.instant());
                counted = true;
                countedAt = now;
            } catch (RuntimeException e) {
                return Double.NaN; // the database is away: no figure rather than a stale one
            }
        }
        return value;
    }
}

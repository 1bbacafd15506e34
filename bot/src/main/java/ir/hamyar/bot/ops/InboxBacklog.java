package ir.hamyar.bot.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.bot.runtime.RuntimeStatus;
import org.springframework.stereotype.Component;

/**
 * The inbox backlog (stored updates not yet applied), counted at most once per {@code hamyar.health.figures-cache}
 * for the readiness check and the {@code hamyar.inbox.backlog} gauge alike: a busy scraper or load balancer
 * does not turn into a stream of count queries.
 */
@Component
class InboxBacklog {

    private final RuntimeStatus runtime;
    private final long ttlNanos;
    private long value;
    private long countedAt;
    private boolean counted;

    InboxBacklog(RuntimeStatus runtime, HealthProperties properties, MeterRegistry meters) {
        this.runtime = runtime;
        this.ttlNanos = properties.figuresCache().toNanos();
        Gauge.builder("hamyar.inbox.backlog", this, InboxBacklog::gauge)
                .description("stored updates waiting to be applied (recounted every few seconds at most)")
                .register(meters);
    }

    /** @throws RuntimeException when the database cannot be asked and no fresh figure is at hand */
    synchronized long current() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= ttlNanos) {
            value = runtime.inboxBacklog();
            counted = true;
            countedAt = now;
        }
        return value;
    }

    private double gauge() {
        try {
            return current();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}

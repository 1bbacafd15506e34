package ir.hamyar.bot.runtime.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.hamyar.domain.shared.Platform;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/** The outbound path's meters. Tags have few values (platform, a reason word), never a chat or a text. */
@Component
class OutboundMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong broadcastPending = new AtomicLong();

    @Autowired
    OutboundMetrics(ObjectProvider<MeterRegistry> registry) {
        this(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("hamyar.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows waiting to be sent (recounted periodically)")
                .register(registry);
        Gauge.builder("hamyar.broadcast.pending", broadcastPending, AtomicLong::get)
                .description("Outbox rows of broadcasts (reference broadcast:...) waiting to be sent (recounted periodically)")
                .register(registry);
    }

    void sent(Platform platform) {
        counter("hamyar.messages.sent", platform).increment();
    }

    void failed(Platform platform, String reason) {
        Counter.builder("hamyar.messages.failed").tag("platform", tag(platform)).tag("reason", reason)
                .register(registry).increment();
    }

    void rateLimited(Platform platform) {
        counter("hamyar.messages.rate_limited", platform).increment();
    }

    /**
     * Rows leased, by the path that found them: "written" (claimed in the transaction that wrote them, see
     * {@link Outbox}), "new" (just written, handed over after commit and claimed then), "next" (a chat's next
     * row, claimed with the outcome of its previous one) or "poll" (the periodic poll: retries whose back-off passed,
     * rows of dead instances, and any row the first two missed). Under steady load nearly all should be written, new or next.
     */
    void claimed(String path, int rows) {
        if (rows > 0) {
            Counter.builder("hamyar.outbox.claimed").description("outbox rows leased, by the path that found them")
                    .tag("path", path).register(registry).increment(rows);
        }
    }

    void pending(long rows) {
        pending.set(rows);
    }

    void broadcastPending(long rows) {
        broadcastPending.set(rows);
    }

    MeterRegistry registry() {
        return registry;
    }

    private Counter counter(String name, Platform platform) {
        return Counter.builder(name).tag("platform", tag(platform)).register(registry);
    }

    private static String tag(Platform platform) {
        return platform.name().toLowerCase(java.util.Locale.ROOT);
    }
}

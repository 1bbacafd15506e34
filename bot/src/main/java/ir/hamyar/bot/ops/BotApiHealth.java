package ir.hamyar.bot.ops;

import ir.hamyar.bot.telegram.BotApiProbe;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One health component per configured bot ({@code telegram}, {@code bale}; part of readiness): can its Bot API be
 * reached? A background thread asks each API {@code getMe} every {@code hamyar.health.bot-check-interval}; a
 * health request only reads the last answer, so neither a busy load balancer nor a slow API turns health checks
 * into network calls. Changes are logged once, when they happen.
 */
@Component
class BotApiHealth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotApiHealth.class);

    private final BotApiProbe probe;
    private final HealthProperties properties;
    private final Clock clock;
    private final Map<Platform, Health> last = new EnumMap<>(Platform.class);
    private volatile ScheduledExecutorService checker;

    BotApiHealth(BotApiProbe probe, HealthContributorRegistry registry, HealthProperties properties, Clock clock) {
        this.probe = probe;
        this.properties = properties;
        this.clock = clock;
        for (Platform platform : probe.platforms()) {
            last.put(platform, Health.unknown().withDetail("checked", "not yet").build());
            registry.registerContributor(name(platform), (HealthIndicator) () -> lastHealth(platform));
        }
    }

    static String name(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }

    private synchronized Health lastHealth(Platform platform) {
        return last.get(platform);
    }

    /** Asks every configured bot's API once, now (the scheduled check). */
    void checkAll() {
        for (Platform platform : probe.platforms()) {
            BotApiProbe.Probe answer = probe.probe(platform);
            if (checker == null || Thread.currentThread().isInterrupted()) {
                return; // stopping: an interrupted call says nothing about the API
            }
            Health health = (answer.reachable() ? Health.up().withDetail("bot", answer.detail())
                    : Health.down().withDetail("error", answer.detail()))
                    .withDetail("checked", clock.instant().toString()).build();
            Health before;
            synchronized (this) {
                before = last.put(platform, health);
            }
            if (before == null || !before.getStatus().equals(health.getStatus())) {
                if (answer.reachable()) {
                    log.info("{} Bot API reachable", platform);
                } else {
                    log.warn("{} Bot API not reachable: {}", platform, answer.detail());
                }
            }
        }
    }

    private void checkQuietly() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            log.warn("Checking the Bot APIs failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamyar-bot-health");
            t.setDaemon(true);
            return t;
        });
        long every = properties.botCheckInterval().toMillis();
        ex.scheduleWithFixedDelay(this::checkQuietly, 0, every, TimeUnit.MILLISECONDS);
        checker = ex;
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = checker;
        checker = null;
        if (ex != null) {
            ex.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }

    /** After the bots have started (their clients exist), stopped before them. */
    @Override
    public int getPhase() {
        // after the bots have started (their clients exist only then)
        return ir.hamyar.bot.runtime.outbound.OutboxSender.PHASE + 300;
    }
}

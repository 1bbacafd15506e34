package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundReceiver;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives each getUpdates batch and returns only once it is stored. The library asks for the next batch
 * (which acknowledges this one to the messenger) only after we return, so nothing is acknowledged unstored.
 * It must never throw: an exception would end the library's polling task for good.
 *
 * <p>After a batch smaller than the request's limit it lingers ({@code hamyar.poll-linger}) before returning, so
 * that the next answer collects what arrived meanwhile. Without it, under load the poll loop ran as fast as the
 * messenger answered (about 240 getUpdates a second at 500 and at 1,000 updates/s alike), and each answer cost a
 * transaction to store it and one to apply it, whatever it held: the bot and PostgreSQL then used as much CPU at
 * 500 updates/s as at 1,000. A full batch means more is waiting: then it asks again at once.
 */
final class PollingConsumer implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);

    /** Waits; {@link Thread#sleep} but for tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Platform platform;
    private final InboundReceiver receiver;
    private final int limit;
    private final Duration linger;
    private final Sleeper sleeper;
    private volatile boolean closed;

    PollingConsumer(Platform platform, InboundReceiver receiver, int limit, Duration linger) {
        this(platform, receiver, limit, linger, d -> Thread.sleep(d.toMillis()));
    }

    PollingConsumer(Platform platform, InboundReceiver receiver, int limit, Duration linger, Sleeper sleeper) {
        this.platform = platform;
        this.receiver = receiver;
        this.limit = limit;
        this.linger = linger;
        this.sleeper = sleeper;
    }

    @Override
    public void consume(List<Update> updates) {
        List<Inbound> batch = new ArrayList<>(updates.size());
        for (Update u : updates) {
            batch.add(InboundMapping.safeMap(platform, u));
        }
        long backoff = 200;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                receiver.receive(batch);
                linger(updates.size());
                return;
            } catch (RuntimeException e) {
                log.warn("{}: storing {} updates failed ({}); retrying in {} ms", platform, batch.size(),
                        e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        // Shutting down without having stored: the batch is not acknowledged either, the messenger resends it.
    }

    private void linger(int received) {
        if (received >= limit || linger.isZero() || linger.isNegative() || closed) {
            return;
        }
        try {
            sleeper.sleep(linger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the batch is stored, return at once
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}

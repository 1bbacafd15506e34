package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundReceiver;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives each getUpdates batch and returns only once it is stored. The library asks for the next batch
 * (which acknowledges this one to the messenger) only after we return, so nothing is acknowledged unstored.
 * It must never throw: an exception would end the library's polling task for good.
 */
final class PollingConsumer implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);

    private final Platform platform;
    private final InboundReceiver receiver;
    private volatile boolean closed;

    PollingConsumer(Platform platform, InboundReceiver receiver) {
        this.platform = platform;
        this.receiver = receiver;
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

    @Override
    public void close() {
        closed = true;
    }
}

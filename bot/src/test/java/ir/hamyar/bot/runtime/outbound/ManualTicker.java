package ir.hamyar.bot.runtime.outbound;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond time source that moves only when the test says so. */
final class ManualTicker implements LongSupplier {

    private long now = 1_000_000_000_000L;

    @Override
    public synchronized long getAsLong() {
        return now;
    }

    synchronized void advance(Duration d) {
        now += d.toNanos();
    }
}

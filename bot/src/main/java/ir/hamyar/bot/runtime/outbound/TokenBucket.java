package ir.hamyar.bot.runtime.outbound;

/**
 * A token bucket in its GCRA form (one number: the theoretical arrival time of the next call), with time
 * passed in as nanoseconds so that tests drive it without sleeping. Not thread-safe: its
 * {@link PlatformLimiter} serialises access.
 *
 * <p>Hand-written rather than taken from a library: none is on the class path, and the gateway has to ask
 * several buckets (bot, chat, group) and a 429 pause for one answer and then take from all of them
 * atomically, which a library bucket does not offer in one step.
 */
final class TokenBucket {

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;

    /**
     * @param perSecond sustained rate
     * @param burst     calls allowed at once after an idle period (at least 1)
     */
    TokenBucket(double perSecond, int burst, long nowNanos) {
        this.intervalNanos = Math.max(1L, Math.round(1_000_000_000d / perSecond));
        this.toleranceNanos = intervalNanos * (Math.max(1, burst) - 1L);
        this.theoreticalArrival = nowNanos;
    }

    /** Nanoseconds until a call would be allowed; 0 when it is allowed now. Takes nothing. */
    long waitNanos(long nowNanos) {
        long earliest = theoreticalArrival - toleranceNanos;
        return Math.max(0L, earliest - nowNanos);
    }

    /** Takes one call's worth; only after {@link #waitNanos} said 0. */
    void take(long nowNanos) {
        theoreticalArrival = Math.max(theoreticalArrival, nowNanos) + intervalNanos;
    }

    /** True when the bucket is full again, so forgetting it changes nothing. */
    boolean idle(long nowNanos) {
        return theoreticalArrival <= nowNanos;
    }
}

package ir.hamyar.bot.runtime.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbound path ({@code hamyar.outbound.*}). The rate defaults are the Bot API's published
 * limits: 30 messages a second per bot, about one a second per chat, 20 a minute per group.
 *
 * @param senderThreads     threads that call the messengers (a fixed pool, shared by all chats), and as many
 *                          concurrent calls per messenger host: a call waits a network round trip (100-300 ms to
 *                          Telegram from Iran), so a few threads would cap a bot below the messenger's own limit
 * @param pollInterval      how often the recovery poller looks for ready rows and expired leases
 * @param lease             how long a claimed row belongs to its sender before another instance may take it
 * @param maxInFlight       rows one instance holds claimed at most (the poller claims no more)
 * @param botPerSecond      calls per second to one messenger (one bot)
 * @param botBurst          calls the bot may make at once after being idle
 * @param chatPerSecond     messages per second to one chat
 * @param chatBurst         messages one chat may get at once (e.g. a long text split in parts)
 * @param groupPerMinute    messages per minute to one group chat (negative chat id)
 * @param groupBurst        messages one group may get at once
 * @param maxAttempts       calls that failed transiently (5xx, timeout) before a row is FAILED
 * @param backoffInitial    wait after the first transient failure; doubled after each further one
 * @param backoffMax        longest wait between two attempts
 * @param maxInMemoryWait   a rate-limit wait up to this long is spent holding the lease; longer waits hand the
 *                          row back to the table with a later {@code not_before} (must be well under the lease)
 * @param shutdownTimeout   how long a clean shutdown waits for calls in flight
 * @param pendingGaugeRefresh how often the pending-rows gauge is recounted
 * @param instanceId        this instance's name in {@code claimed_by}; blank: host name, process id and a random part
 */
@ConfigurationProperties("hamyar.outbound")
public record OutboundProperties(
        @DefaultValue("16") int senderThreads,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("100") int maxInFlight,
        @DefaultValue("30") double botPerSecond,
        @DefaultValue("30") int botBurst,
        @DefaultValue("1") double chatPerSecond,
        @DefaultValue("3") int chatBurst,
        @DefaultValue("20") double groupPerMinute,
        @DefaultValue("3") int groupBurst,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration backoffInitial,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("10s") Duration maxInMemoryWait,
        @DefaultValue("10s") Duration shutdownTimeout,
        @DefaultValue("15s") Duration pendingGaugeRefresh,
        String instanceId) {

    public OutboundProperties {
        require(senderThreads > 0, "sender-threads must be positive");
        require(maxInFlight > 0, "max-in-flight must be positive");
        require(botPerSecond > 0 && chatPerSecond > 0 && groupPerMinute > 0, "rates must be positive");
        require(botBurst > 0 && chatBurst > 0 && groupBurst > 0, "bursts must be positive");
        require(maxAttempts > 0, "max-attempts must be positive");
        require(positive(pollInterval) && positive(lease) && positive(backoffInitial) && positive(backoffMax)
                && positive(shutdownTimeout) && positive(pendingGaugeRefresh), "durations must be positive");
        require(maxInMemoryWait != null && maxInMemoryWait.compareTo(lease.dividedBy(2)) <= 0,
                "max-in-memory-wait must be at most half the lease");
        instanceId = instanceId == null ? "" : instanceId.strip();
        require(instanceId.length() <= 64, "instance-id must be at most 64 characters");
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("hamyar.outbound: " + message);
        }
    }
}

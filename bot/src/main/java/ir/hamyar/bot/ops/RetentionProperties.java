package ir.hamyar.bot.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the retention job ({@code hamyar.retention.*}): how long what the runtime no longer needs is kept.
 *
 * @param enabled           false: nothing is ever purged
 * @param every             pause between two runs (the first run is one pause after start)
 * @param inbox             applied (DONE) and given-up (FAILED) received updates older than this are deleted
 * @param outbox            sent, failed and unreachable outgoing messages older than this are deleted
 * @param conversations     an unfinished form whose expiry passed this long ago loses its flow and draft (the
 *                          chat's row stays: it is the chat's lock and holds its language)
 * @param completedEvents   completed domain event publications older than this are deleted
 * @param incompleteEvents  domain event publications still not handled after this long are given up and deleted
 * @param batchSize         rows per delete statement; each batch is its own short transaction
 */
@ConfigurationProperties("hamyar.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration every,
        @DefaultValue("7d") Duration inbox,
        @DefaultValue("7d") Duration outbox,
        @DefaultValue("1d") Duration conversations,
        @DefaultValue("7d") Duration completedEvents,
        @DefaultValue("30d") Duration incompleteEvents,
        @DefaultValue("10000") int batchSize) {

    public RetentionProperties {
        for (Duration d : new Duration[]{every, inbox, outbox, conversations, completedEvents, incompleteEvents}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("hamyar.retention: periods must not be negative");
            }
        }
        if (every.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("hamyar.retention: every and batch-size must be positive");
        }
    }
}

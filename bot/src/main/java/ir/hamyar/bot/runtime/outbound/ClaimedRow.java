package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.OutboundMessage;

/**
 * An outbox row this instance holds the lease of.
 *
 * @param attempts transient failures so far
 */
record ClaimedRow(long id, String chatKey, int attempts, String reference, OutboundMessage message) {
}

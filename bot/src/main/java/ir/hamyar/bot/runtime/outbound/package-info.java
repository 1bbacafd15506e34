/**
 * The outbound path: the durable {@link ir.hamyar.bot.runtime.outbound.Outbox} written in the deciding
 * transaction, the {@link ir.hamyar.bot.runtime.outbound.OutboxSender} that leases and sends its rows after
 * commit (several instances may share one database), and the rate-limited
 * {@link ir.hamyar.bot.runtime.outbound.OutboundGateway}, the one place that calls a messenger.
 *
 * <p>Exposed as a named interface so that other modules (notifications, broadcasts) can enqueue messages,
 * listen to deliveries and ask whether a chat is reachable.
 */
@NamedInterface("outbound")
package ir.hamyar.bot.runtime.outbound;

import org.springframework.modulith.NamedInterface;

package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;

/**
 * Told of the final outcome of each outbox row: sent ({@code Ok}, with the message id where there is one),
 * or given up ({@code Unreachable}, {@code Rejected}, or the last {@code Transient} failure). Beans that
 * implement it are called on a sender thread after the outcome is stored; they should be quick and must not
 * call a messenger themselves (enqueue instead). An exception thrown here is logged and ignored.
 */
public interface DeliveryListener {

    void delivered(long outboxId, String reference, OutboundMessage message, MessengerClient.SendResult result);
}

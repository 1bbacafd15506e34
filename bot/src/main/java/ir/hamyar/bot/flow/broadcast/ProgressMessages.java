package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.outbound.DeliveryListener;
import ir.hamyar.domain.broadcasting.Broadcasting;
import org.springframework.stereotype.Component;

/**
 * Learns the message id of each author's progress card when it is sent, so the progress job can edit it in
 * place. Delivery counts are not kept here: the job counts the outbox rows by status (one index look-up per
 * broadcast), which stays right across instances and crashes where in-memory counters would not.
 */
@Component
class ProgressMessages implements DeliveryListener {

    private final Broadcasting broadcasting;

    ProgressMessages(Broadcasting broadcasting) {
        this.broadcasting = broadcasting;
    }

    @Override
    public void delivered(long outboxId, String reference, OutboundMessage message, MessengerClient.SendResult result) {
        if (reference == null || !reference.startsWith(BroadcastDispatcher.PROGRESS_REFERENCE)
                || !(result instanceof MessengerClient.SendResult.Ok ok) || ok.messageId() == null) {
            return;
        }
        try {
            long id = Long.parseLong(reference.substring(BroadcastDispatcher.PROGRESS_REFERENCE.length()));
            broadcasting.attachProgressMessage(id, message.platform(), message.chatId(), ok.messageId());
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }
}

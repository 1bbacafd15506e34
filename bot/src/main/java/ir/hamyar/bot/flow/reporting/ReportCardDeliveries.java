package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.outbound.DeliveryListener;
import ir.hamyar.domain.reporting.ProblemReporting;
import org.springframework.stereotype.Component;

/** Learns the message id of every alert card sent, so later status changes edit that very card. */
@Component
class ReportCardDeliveries implements DeliveryListener {

    private final ProblemReporting reporting;

    ReportCardDeliveries(ProblemReporting reporting) {
        this.reporting = reporting;
    }

    @Override
    public void delivered(long outboxId, String reference, OutboundMessage message, MessengerClient.SendResult result) {
        if (reference == null || !reference.startsWith(ReportNotifications.CARD_REFERENCE)
                || message.op() != OutboundMessage.Op.SEND_TEXT
                || !(result instanceof MessengerClient.SendResult.Ok ok) || ok.messageId() == null) {
            return;
        }
        ReportActors.idAfter(reference, ReportNotifications.CARD_REFERENCE).ifPresent(id ->
                reporting.rememberCard(id, message.platform(), message.chatId(), ok.messageId()));
    }
}

package ir.hamyar.bot.runtime;

import ir.hamyar.bot.runtime.conversation.ReplyRenderer;
import ir.hamyar.bot.runtime.outbound.BulkOutbox;
import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The {@link Notifier} for one message to very many chats: the reply is rendered once for a platform and a
 * language, and stored for every recipient chat with one set-based insert (see {@link BulkOutbox}). Must be
 * called inside a transaction; the rows are sent after it commits.
 */
@Component
public class BulkNotifier {

    private final ReplyRenderer renderer;
    private final BulkOutbox outbox;

    BulkNotifier(ReplyRenderer renderer, BulkOutbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * @param reply         a {@link Reply.Send} or {@link Reply.SendPhoto}; its chat is ignored
     * @param recipientsSql a SELECT with columns {@code chat_id} and {@code not_before}: the chats of
     *                      {@code platform} that get the message in {@code locale}
     * @return rows written
     */
    public int sendToEach(Platform platform, Locale locale, Reply reply, String recipientsSql, List<Object> args,
                          String reference) {
        OutboundMessage template = renderer.render(reply, new ChatRef(platform, 0), locale);
        return outbox.enqueueEach(template, recipientsSql, args, reference);
    }
}

package ir.hamyar.bot.runtime;

import ir.hamyar.bot.runtime.conversation.ReplyRenderer;
import ir.hamyar.bot.runtime.outbound.Outbox;
import ir.hamyar.messages.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends messages that are not answers to an update (decrees, report status changes, alerts to office groups,
 * reminders): renders them in the target chat's language and writes them to the durable outbox. Must be
 * called inside a transaction (typically an {@code @ApplicationModuleListener} reacting to a domain event),
 * so the message is stored exactly when the listener's work commits.
 */
@Component
public class Notifier {

    private final ReplyRenderer renderer;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    Notifier(ReplyRenderer renderer, Outbox outbox, JdbcTemplate jdbc) {
        this.renderer = renderer;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * @param locale the recipient's language ("fa"/"en"), or null to use the chat's own
     * @param reference a tag stored with the messages (e.g. {@code report:42}) so later features can find them
     */
    public void send(ChatRef chat, String locale, String reference, Reply... replies) {
        String lang = locale != null ? locale : chatLocale(chat);
        List<OutboundMessage> messages = new ArrayList<>(replies.length);
        for (Reply r : replies) {
            messages.add(renderer.render(r, chat, Texts.localeOf(lang)));
        }
        outbox.enqueue(messages, reference);
    }

    private String chatLocale(ChatRef chat) {
        List<String> l = jdbc.queryForList("SELECT locale FROM conversation WHERE chat_key = ?", String.class, chat.key());
        return l.isEmpty() ? null : l.get(0);
    }
}

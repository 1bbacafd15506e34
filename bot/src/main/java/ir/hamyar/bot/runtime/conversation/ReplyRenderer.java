package ir.hamyar.bot.runtime.conversation;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedButton;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedKeyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns neutral replies into final messages for one platform: texts from the bundles in the chat's language;
 * Telegram gets HTML with every argument escaped, Bale plain text (it has no parse mode).
 */
@Component
public class ReplyRenderer {

    public String text(Text text, Locale locale, Platform platform) {
        String html = html(text, locale);
        return platform == Platform.BALE ? ChatText.htmlToPlain(html) : html;
    }

    /** The label of a button as the user sees it (plain text on both platforms). */
    public String label(Text text, Locale locale) {
        return ChatText.htmlToPlain(html(text, locale));
    }

    private String html(Text text, Locale locale) {
        Object[] args = new Object[text.args().size()];
        for (int i = 0; i < args.length; i++) {
            Object a = text.args().get(i);
            if (a instanceof Text nested) {
                args[i] = html(nested, locale);
            } else if (a instanceof CharSequence s) {
                args[i] = ChatText.escapeHtml(s.toString());
            } else {
                args[i] = a;
            }
        }
        return Texts.get(locale, text.key(), args);
    }

    public RenderedKeyboard keyboard(Keyboard keyboard, Locale locale) {
        if (keyboard == null) {
            return null;
        }
        List<List<RenderedButton>> rows = new ArrayList<>();
        for (List<Button> row : keyboard.rows()) {
            List<RenderedButton> r = new ArrayList<>();
            for (Button b : row) {
                r.add(new RenderedButton(label(b.label(), locale), b.callbackData(), b.url(), b.request()));
            }
            rows.add(r);
        }
        return new RenderedKeyboard(keyboard.kind(), rows);
    }

    /** Renders one reply for its target chat ({@code chat}) in {@code locale}. */
    public OutboundMessage render(Reply reply, ChatRef chat, Locale locale) {
        Platform p = chat.platform();
        boolean html = p == Platform.TELEGRAM;
        if (reply instanceof Reply.Send s) {
            return OutboundMessage.sendText(chat, text(s.text(), locale, p), html, keyboard(s.keyboard(), locale));
        }
        if (reply instanceof Reply.Edit e) {
            return new OutboundMessage(OutboundMessage.Op.EDIT_TEXT, p, chat.chatId(),
                    text(e.text(), locale, p), html, keyboard(e.keyboard(), locale), e.messageId(), null, null, null, null);
        }
        if (reply instanceof Reply.AnswerCallback a) {
            return new OutboundMessage(OutboundMessage.Op.ANSWER_CALLBACK, p, chat.chatId(),
                    a.notice() == null ? null : label(a.notice(), locale), false, null, null, a.callbackId(), null, null, null);
        }
        if (reply instanceof Reply.SendPhoto ph) {
            return new OutboundMessage(OutboundMessage.Op.SEND_PHOTO, p, chat.chatId(),
                    ph.caption() == null ? null : text(ph.caption(), locale, p), html, keyboard(ph.keyboard(), locale),
                    null, null, ph.photo(), null, null);
        }
        if (reply instanceof Reply.SendImage im) {
            return new OutboundMessage(OutboundMessage.Op.SEND_PHOTO, p, chat.chatId(),
                    im.caption() == null ? null : text(im.caption(), locale, p), html, null, null, null, null,
                    im.fileName(), im.png());
        }
        if (reply instanceof Reply.SendDocument d) {
            return new OutboundMessage(OutboundMessage.Op.SEND_DOCUMENT, p, chat.chatId(),
                    d.caption() == null ? null : text(d.caption(), locale, p), html, null, null, null, null,
                    d.fileName(), d.content());
        }
        throw new IllegalArgumentException("not a message: " + reply.getClass().getSimpleName());
    }
}

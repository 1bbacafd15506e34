package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;

import java.util.List;

/**
 * One fully rendered messenger operation, as stored in the outbox and handed to a {@link MessengerClient}.
 * Texts are final strings for the target platform: HTML for Telegram ({@code html = true}), plain for Bale.
 *
 * @param messageId  for EDIT_TEXT / DELETE: the bot message to change
 * @param callbackId for ANSWER_CALLBACK
 * @param photo      for SEND_PHOTO: a file id known to the platform
 * @param content    for SEND_DOCUMENT (and SEND_PHOTO with uploaded bytes): the file bytes
 */
public record OutboundMessage(
        Op op,
        Platform platform,
        long chatId,
        String text,
        boolean html,
        RenderedKeyboard keyboard,
        Long messageId,
        String callbackId,
        String photo,
        String fileName,
        byte[] content) {

    public enum Op { SEND_TEXT, EDIT_TEXT, ANSWER_CALLBACK, SEND_PHOTO, SEND_DOCUMENT, DELETE }

    public ChatRef chat() {
        return new ChatRef(platform, chatId);
    }

    public static OutboundMessage sendText(ChatRef chat, String text, boolean html, RenderedKeyboard keyboard) {
        return new OutboundMessage(Op.SEND_TEXT, chat.platform(), chat.chatId(), text, html, keyboard,
                null, null, null, null, null);
    }

    public OutboundMessage withText(String newText, RenderedKeyboard newKeyboard) {
        return new OutboundMessage(op, platform, chatId, newText, html, newKeyboard, messageId, callbackId,
                photo, fileName, content);
    }

    /** A keyboard whose labels are final strings. */
    public record RenderedKeyboard(Keyboard.Kind kind, List<List<RenderedButton>> rows) {
    }

    public record RenderedButton(String label, String callbackData, String url, Button.Request request) {
    }
}

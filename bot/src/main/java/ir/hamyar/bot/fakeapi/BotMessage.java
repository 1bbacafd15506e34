package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/** The mutable current state of one message the bot sent; guarded by its {@link FakeBot}'s lock. */
final class BotMessage {

    final long chatId;
    final int messageId;
    final Instant sentAt;
    final Attachment attachment;
    String text;
    String parseMode;
    Markup markup;
    int editCount;
    boolean deleted;
    long revision;

    BotMessage(long chatId, int messageId, Instant sentAt, Attachment attachment, String text, String parseMode,
               Markup markup) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.sentAt = sentAt;
        this.attachment = attachment;
        this.text = text;
        this.parseMode = parseMode;
        this.markup = markup;
    }

    boolean sameContent(String newText, String newParseMode, Markup newMarkup) {
        return Objects.equals(text, newText) && Objects.equals(parseMode, newParseMode)
                && Objects.equals(markup.inline(), newMarkup.inline());
    }

    SentMessage snapshot() {
        return new SentMessage(chatId, messageId, text, parseMode, markup.inline(), markup.reply(), markup.remove(),
                attachment, editCount, deleted, sentAt, revision);
    }

    /** The {@code Message} object Telegram answers with (reply keyboards are never echoed, inline ones are). */
    ObjectNode toJson(ObjectNode chat, ObjectNode botUser) {
        ObjectNode message = Json.object();
        message.put("message_id", messageId);
        message.set("from", botUser);
        message.set("chat", chat);
        message.put("date", sentAt.getEpochSecond());
        if (editCount > 0) {
            message.put("edit_date", Instant.now().getEpochSecond());
        }
        String textField = attachment == null ? "text" : "caption";
        if (text != null) {
            message.put(textField, parseMode != null && parseMode.equalsIgnoreCase("HTML") ? HtmlText.plain(text) : text);
        }
        if (attachment != null && attachment.kind() == Attachment.Kind.PHOTO) {
            ObjectNode size = message.putArray("photo").addObject();
            size.put("file_id", attachment.fileId());
            size.put("file_unique_id", "u" + attachment.fileId());
            size.put("width", 640);
            size.put("height", 480);
            size.put("file_size", attachment.size());
        } else if (attachment != null) {
            ObjectNode document = message.putObject("document");
            document.put("file_id", attachment.fileId());
            document.put("file_unique_id", "u" + attachment.fileId());
            if (attachment.fileName() != null) {
                document.put("file_name", attachment.fileName());
            }
            if (attachment.mimeType() != null) {
                document.put("mime_type", attachment.mimeType());
            }
            document.put("file_size", attachment.size());
        }
        if (markup.hasInline()) {
            message.set("reply_markup", markup.inlineJson().deepCopy());
        }
        return message;
    }
}

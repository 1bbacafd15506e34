package ir.hamyar.bot.fakeapi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot sent, as it stands at {@code revision}: text (or caption) exactly as sent, its parse mode,
 * keyboards, attachment, how often it was edited and whether it was deleted.
 *
 * @param replyKeyboard   rows of the reply keyboard this message set, empty if it set none
 * @param removeKeyboard  true when this message removed the reply keyboard
 * @param revision        the bot-wide change counter at this state (see {@link FakeBot#revision()})
 */
public record SentMessage(long chatId, int messageId, String text, String parseMode,
                          List<List<InlineButton>> inlineKeyboard, List<List<ReplyButton>> replyKeyboard,
                          boolean removeKeyboard, Attachment attachment, int editCount, boolean deleted,
                          Instant sentAt, long revision) {

    public SentMessage {
        inlineKeyboard = List.copyOf(inlineKeyboard.stream().map(List::copyOf).toList());
        replyKeyboard = List.copyOf(replyKeyboard.stream().map(List::copyOf).toList());
    }

    /** What a reader sees: for HTML parse mode the tags are dropped and entities decoded. */
    public String plainText() {
        if (text == null) {
            return "";
        }
        return "HTML".equalsIgnoreCase(parseMode) ? HtmlText.plain(text) : text;
    }

    public Optional<InlineButton> inlineButton(String label) {
        return inlineKeyboard.stream().flatMap(List::stream).filter(b -> Objects.equals(b.label(), label)).findFirst();
    }

    public List<String> inlineLabels() {
        return inlineKeyboard.stream().flatMap(List::stream).map(InlineButton::label).toList();
    }

    public List<String> replyLabels() {
        return replyKeyboard.stream().flatMap(List::stream).map(ReplyButton::label).toList();
    }

    public boolean setsReplyKeyboard() {
        return !replyKeyboard.isEmpty() || removeKeyboard;
    }

    public boolean edited() {
        return editCount > 0;
    }
}

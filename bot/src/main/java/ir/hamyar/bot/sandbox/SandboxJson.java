package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.fakeapi.Attachment;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.InlineButton;
import ir.hamyar.bot.fakeapi.ReplyButton;
import ir.hamyar.bot.fakeapi.SentMessage;

import java.time.Instant;
import java.util.List;

/** The shapes the sandbox API reads and writes (JSON). */
final class SandboxJson {

    private SandboxJson() {
    }

    // ---------------------------------------------------------------- requests

    record NewUser(Long id, String firstName, String languageCode) {
    }

    record NewGroup(Long id, String title, Long addedBy) {
    }

    record BotMembership(Long userId, String status) {
    }

    record TextMessage(Long userId, String text) {
    }

    record Tap(Long userId, Integer messageId, String data) {
    }

    /** {@code own} false: a number from the address book, of {@code contactUserId} (null: no messenger account). */
    record SharedContact(Long userId, String phone, Boolean own, Long contactUserId) {
    }

    record SharedLocation(Long userId, Double latitude, Double longitude) {
    }

    // ---------------------------------------------------------------- answers

    record Error(String error, String message) {
    }

    record PlatformInfo(String platform, String flavor, long botId, String botUsername) {
    }

    record Info(List<PlatformInfo> platforms) {
    }

    /** {@code adminSetting} is what to put in HAMYAR_ADMINS to make this user an admin. */
    record User(long id, String firstName, String languageCode, String phone, boolean admin, String adminSetting) {
    }

    record Group(long id, String title, String botStatus) {
        static Group of(FakeGroup group) {
            return new Group(group.id(), group.title(), group.botStatus());
        }
    }

    record Chat(long id, String type, String title, String botStatus) {
    }

    record Accepted(int updateId, ChatItem sent) {
    }

    record TapResult(int updateId, CallbackNotice answer) {
    }

    record CallbackNotice(String text, boolean showAlert, String url) {
    }

    record Button(String label, String data, String url) {
        static Button of(InlineButton b) {
            return new Button(b.label(), b.callbackData(), b.url());
        }
    }

    record KeyboardButton(String label, boolean requestContact, boolean requestLocation) {
        static KeyboardButton of(ReplyButton b) {
            return new KeyboardButton(b.label(), b.requestContact(), b.requestLocation());
        }
    }

    record File(String kind, String fileId, String fileName, String mimeType, int size, String url) {
        static File of(Attachment a, String url) {
            return new File(a.kind().name().toLowerCase(java.util.Locale.ROOT), a.fileId(), a.fileName(),
                    a.mimeType(), a.size(), url);
        }
    }

    /**
     * One bubble: {@code from} "bot" (then messageId, text, parseMode, keyboards, attachment, edited, deleted,
     * revision are set) or "user" (then seq, userId, userName and one of text, contact, location, photo).
     * {@code time} is in epoch microseconds, for ordering both kinds.
     */
    record ChatItem(String key, String from, long time, Integer messageId, Long revision, Long seq, Long userId,
                    String userName, String text, String parseMode, List<List<Button>> inlineKeyboard,
                    List<List<KeyboardButton>> replyKeyboard, boolean removeKeyboard, File attachment,
                    boolean edited, int editCount, boolean deleted, Boolean delivered,
                    SandboxChats.Contact contact, SandboxChats.Location location, String caption,
                    String photoUrl) {

        static ChatItem bot(SentMessage m, File attachment) {
            return new ChatItem("bot-" + m.messageId(), "bot", micros(m.sentAt()), m.messageId(), m.revision(), null,
                    null, null, m.text(), m.parseMode(),
                    m.inlineKeyboard().stream().map(row -> row.stream().map(Button::of).toList()).toList(),
                    m.replyKeyboard().stream().map(row -> row.stream().map(KeyboardButton::of).toList()).toList(),
                    m.removeKeyboard(), attachment, m.edited(), m.editCount(), m.deleted(), null, null, null, null,
                    null);
        }

        static ChatItem user(SandboxChats.OwnMessage m, String photoUrl) {
            return new ChatItem("user-" + m.seq(), "user", micros(m.at()), null, null, m.seq(), m.userId(),
                    m.userName(), m.text(), null, List.of(), List.of(), false, null, false, 0, false, m.delivered(),
                    m.contact(), m.location(), m.photo() == null ? null : m.photo().caption(), photoUrl);
        }
    }

    /**
     * The state of a chat: with {@code since}/{@code own} given, only the bubbles changed after them. Pass the
     * returned {@code revision} and {@code own} back to get the next changes.
     */
    record Messages(long chatId, long revision, long own, List<ChatItem> messages,
                    List<List<KeyboardButton>> replyKeyboard, String botStatus) {
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}

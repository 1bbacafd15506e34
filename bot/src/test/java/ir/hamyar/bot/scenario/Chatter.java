package ir.hamyar.bot.scenario;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.FakeUser;
import ir.hamyar.bot.fakeapi.InlineButton;
import ir.hamyar.bot.fakeapi.ReplyButton;
import ir.hamyar.bot.fakeapi.SentMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A person talking to a fake bot, for readable end-to-end tests:
 * <pre>{@code
 * Chatter alice = new Chatter(telegram, 1001, "Alice");
 * alice.sends("/start").awaitReplyContaining("خوش آمدید");
 * alice.taps("ثبت‌نام");
 * alice.sharesOwnContact("+989121234567");
 * }</pre>
 * Each action remembers the bot's revision first, so {@link #awaitReply()} sees only what the bot sent or edited
 * in this chat afterwards; successive {@code awaitReply} calls walk through those replies in order.
 */
public final class Chatter {

    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(20);

    private final FakeBot bot;
    private final FakeUser user;
    private final FakeGroup group;
    private final Duration replyTimeout;
    private long seen;

    public Chatter(FakeBot bot, long userId, String firstName) {
        this(bot, bot.user(userId, firstName), null, DEFAULT_REPLY_TIMEOUT);
    }

    private Chatter(FakeBot bot, FakeUser user, FakeGroup group, Duration replyTimeout) {
        this.bot = bot;
        this.user = user;
        this.group = group;
        this.replyTimeout = replyTimeout;
        this.seen = bot.revision();
    }

    /** The same person speaking in a group; replies are then awaited in that group. */
    public Chatter inGroup(FakeGroup inGroup) {
        return new Chatter(bot, user, Objects.requireNonNull(inGroup), replyTimeout);
    }

    /** The same chatter, same place in the conversation, waiting at most {@code timeout} for each reply. */
    public Chatter withReplyTimeout(Duration timeout) {
        Chatter copy = new Chatter(bot, user, group, timeout);
        copy.seen = seen;
        return copy;
    }

    public FakeUser user() {
        return user;
    }

    public long id() {
        return user.id();
    }

    /** The chat this chatter speaks in: the private chat, or the group. */
    public long chatId() {
        return group == null ? user.chatId() : group.id();
    }

    public Chatter speaks(String languageCode) {
        user.languageCode(languageCode);
        return this;
    }

    // ---------------------------------------------------------------- actions

    public Chatter sends(String text) {
        mark();
        if (group == null) {
            bot.injectText(user, text);
        } else {
            bot.injectText(user, group, text);
        }
        return this;
    }

    /**
     * Presses the inline button with this label on the newest bot message in the chat that has it; if the label is
     * on the current reply keyboard instead, sends it as text, as a messenger does.
     */
    public Chatter taps(String label) {
        List<SentMessage> messages = bot.messages(chatId());
        for (int i = messages.size() - 1; i >= 0; i--) {
            SentMessage message = messages.get(i);
            if (!message.deleted() && message.inlineButton(label).isPresent()) {
                mark();
                bot.injectCallbackByLabel(user, chatId(), message.messageId(), label);
                return this;
            }
        }
        if (replyButton(label) != null) {
            return sends(label);
        }
        throw new AssertionError("no button '" + label + "' in chat " + chatId() + "; visible buttons: "
                + visibleLabels(messages));
    }

    /** Shares the user's own contact card, as the reply keyboard's "share my number" button does. */
    public Chatter sharesOwnContact(String phoneNumber) {
        mark();
        bot.injectContact(user, phoneNumber, user.id());
        return this;
    }

    /** Shares someone else's contact card: a forgery the bot must refuse when it asked for the user's own. */
    public Chatter sharesContactOf(long otherUserId, String phoneNumber) {
        mark();
        bot.injectContact(user, phoneNumber, otherUserId);
        return this;
    }

    public Chatter sendsLocation(double latitude, double longitude) {
        mark();
        bot.injectLocation(user, latitude, longitude);
        return this;
    }

    public Chatter sendsPhoto(byte[] bytes) {
        mark();
        bot.injectPhoto(user, bytes, null);
        return this;
    }

    // ---------------------------------------------------------------- reading replies

    /** The next message the bot sent or edited in this chat since the last action (or the last awaited reply). */
    public SentMessage awaitReply() {
        return awaitReplyMatching(reply -> true);
    }

    /** The first reply since the last action whose visible text contains {@code fragment}. */
    public SentMessage awaitReplyContaining(String fragment) {
        return awaitReplyMatching(reply -> reply.plainText().contains(fragment));
    }

    public SentMessage awaitReplyMatching(Predicate<SentMessage> matching) {
        SentMessage reply;
        try {
            reply = bot.awaitChange(chatId(), seen, matching, replyTimeout);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        seen = reply.revision();
        return reply;
    }

    /** The newest bot message in this chat, in its current state. */
    public SentMessage lastReply() {
        try {
            return bot.lastMessage(chatId());
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The reply keyboard this chatter currently sees. */
    public List<String> replyKeyboardLabels() {
        return bot.replyKeyboard(chatId()).stream().flatMap(List::stream).map(ReplyButton::label).toList();
    }

    private void mark() {
        seen = bot.revision();
    }

    private ReplyButton replyButton(String label) {
        return bot.replyKeyboard(chatId()).stream().flatMap(List::stream)
                .filter(button -> button.label().equals(label)).findFirst().orElse(null);
    }

    private List<String> visibleLabels(List<SentMessage> messages) {
        List<String> labels = new ArrayList<>();
        messages.stream().filter(m -> !m.deleted()).flatMap(m -> m.inlineKeyboard().stream())
                .flatMap(List::stream).map(InlineButton::label).forEach(labels::add);
        labels.addAll(replyKeyboardLabels());
        return labels;
    }
}

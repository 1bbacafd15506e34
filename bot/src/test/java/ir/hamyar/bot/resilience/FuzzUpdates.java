package ir.hamyar.bot.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.FakeUser;
import ir.hamyar.bot.fakeapi.InlineButton;
import ir.hamyar.bot.fakeapi.SentMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random updates of every kind the bot may meet, well-formed as the Bot API sends them but with hostile content:
 * random Unicode (control characters, bidi marks, unpaired combining marks, astral characters), 10,000-character
 * texts, commands with odd mentions, random and forged callback data (and real buttons pressed out of turn),
 * contacts of other people, group and channel messages, unknown update kinds.
 */
final class FuzzUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COMMANDS = {"/start", "/help", "/menu", "/cancel", "/profile", "/invite", "/mydata",
            "/deleteme", "/language", "/link", "/report", "/courses", "/unknowncmd"};
    private static final String[] MENTIONS = {"", "@hamyar_test_bot", "@HAMYAR_TEST_BOT", "@other_bot", "@", "@@",
            "@hamyar_test_bot@x", "@\u200fhamyar_test_bot", "@" + "x".repeat(300)};
    private static final String[] CALLBACK_PREFIXES = {"nav:back", "terms:yes", "terms:no", "lang:en", "lang:fa",
            "erase:yes", "erase:no", "member:edit:name", "member:edit:", "member:edu:", "member:int:", "member:confirm",
            "member:intdone", "member:skip", "member:abort", "member:link:yes", "erase:", ":", "", "x"};

    private final FakeBot bot;
    private final Random random;
    private final List<FakeUser> users = new ArrayList<>();
    private final List<FakeGroup> groups = new ArrayList<>();
    private long nextRawMessageId = 1_000_000;

    FuzzUpdates(FakeBot bot, long seed, long firstUserId, int userCount) {
        this.bot = bot;
        this.random = new Random(seed);
        for (int i = 0; i < userCount; i++) {
            FakeUser u = bot.user(firstUserId + i, text(random.nextInt(20)));
            if (random.nextInt(4) == 0) {
                u.languageCode(random.nextBoolean() ? "en" : text(3));
            }
            if (random.nextInt(4) == 0) {
                u.lastName(text(random.nextInt(80))).username("u" + i);
            }
            users.add(u);
        }
        for (int i = 0; i < 10; i++) {
            groups.add(bot.group(-(firstUserId + i), text(15)));
        }
    }

    /** Injects one random update. */
    void injectOne() {
        FakeUser user = users.get(random.nextInt(users.size()));
        int kind = random.nextInt(100);
        if (kind < 25) {
            bot.injectText(user, longOrShortText());
        } else if (kind < 35) {
            bot.injectText(user, command());
        } else if (kind < 43) {
            bot.injectText(user, formLikeAnswer());
        } else if (kind < 50) {
            pressRealButton(user);
        } else if (kind < 58) {
            bot.injectCallback(user, random.nextInt(10) == 0 ? -user.chatId() : user.chatId(), random.nextInt(1000),
                    forgedCallbackData());
        } else if (kind < 64) {
            Long owner = switch (random.nextInt(3)) {
                case 0 -> user.id();
                case 1 -> users.get(random.nextInt(users.size())).id();
                default -> null;
            };
            bot.injectContact(user, phone(), owner);
        } else if (kind < 72) {
            FakeGroup group = groups.get(random.nextInt(groups.size()));
            bot.injectText(user, group, random.nextBoolean() ? command() : longOrShortText());
        } else if (kind < 75) {
            FakeGroup group = groups.get(random.nextInt(groups.size()));
            String[] statuses = {"member", "administrator", "left", "kicked"};
            bot.injectMyChatMember(group, user, statuses[random.nextInt(statuses.length)]);
        } else if (kind < 78) {
            double lat = random.nextInt(5) == 0 ? Double.MAX_VALUE : random.nextDouble() * 180 - 90;
            bot.injectLocation(user, lat, random.nextDouble() * 360 - 180);
        } else if (kind < 80) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            bot.injectPhoto(user, bytes, random.nextBoolean() ? null : longOrShortText());
        } else {
            bot.injectRaw(rawUpdate(user));
        }
    }

    private String longOrShortText() {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return text(10_000);
        }
        if (roll < 6) {
            return "";
        }
        return text(1 + random.nextInt(roll < 20 ? 400 : 30));
    }

    private String command() {
        String c = COMMANDS[random.nextInt(COMMANDS.length)] + MENTIONS[random.nextInt(MENTIONS.length)];
        return switch (random.nextInt(6)) {
            case 0 -> c + " " + text(random.nextInt(40));
            case 1 -> c + "\u200f";
            case 2 -> "/" + text(1 + random.nextInt(10));
            case 3 -> c.toUpperCase();
            default -> c;
        };
    }

    /** Input that a form step may accept: phones, codes, years, names, in Persian or Latin digits. */
    private String formLikeAnswer() {
        return switch (random.nextInt(6)) {
            case 0 -> phone();
            case 1 -> digits(10, random.nextBoolean());
            case 2 -> (random.nextBoolean() ? "13" : "۱۳") + digits(2, random.nextBoolean());
            case 3 -> "علی " + text(8);
            case 4 -> "تهر";
            default -> digits(random.nextInt(20), random.nextBoolean());
        };
    }

    private String phone() {
        return switch (random.nextInt(5)) {
            case 0 -> "+98912" + digits(7, false);
            case 1 -> "0912" + digits(7, random.nextBoolean());
            case 2 -> "98912" + digits(7, false);
            case 3 -> "+44" + digits(10, false);
            default -> text(random.nextInt(25));
        };
    }

    private String digits(int n, boolean persian) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int d = random.nextInt(10);
            b.append(persian ? (char) ('\u06F0' + d) : (char) ('0' + d));
        }
        return b.toString();
    }

    private void pressRealButton(FakeUser user) {
        List<SentMessage> messages = bot.messages(user.chatId());
        if (messages.isEmpty()) {
            bot.injectText(user, "/start");
            return;
        }
        // not always the newest: a button of an older message pressed out of turn
        SentMessage m = messages.get(random.nextInt(4) == 0 ? random.nextInt(messages.size()) : messages.size() - 1);
        List<InlineButton> buttons = m.inlineKeyboard().stream().flatMap(List::stream)
                .filter(b -> b.callbackData() != null).toList();
        if (buttons.isEmpty()) {
            List<String> labels = m.replyLabels();
            bot.injectText(user, labels.isEmpty() ? "/menu" : labels.get(random.nextInt(labels.size())));
            return;
        }
        bot.injectCallback(user, user.chatId(), m.messageId(), buttons.get(random.nextInt(buttons.size())).callbackData());
    }

    private String forgedCallbackData() {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> text(random.nextInt(100));
            case 2 -> CALLBACK_PREFIXES[random.nextInt(CALLBACK_PREFIXES.length)] + random.nextLong();
            case 3 -> CALLBACK_PREFIXES[random.nextInt(CALLBACK_PREFIXES.length)] + text(random.nextInt(70));
            default -> CALLBACK_PREFIXES[random.nextInt(CALLBACK_PREFIXES.length)];
        };
    }

    /** Update kinds the bot does not ask for, and odd messages: channel posts, no sender, wrong chat types. */
    private String rawUpdate(FakeUser user) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextRawMessageId++);
        message.put("date", 1_700_000_000 + random.nextInt(100_000_000));
        message.put("text", longOrShortText());
        ObjectNode chat = message.putObject("chat");
        ObjectNode from = JSON.createObjectNode();
        from.put("id", user.id());
        from.put("is_bot", random.nextInt(5) == 0);
        from.put("first_name", text(random.nextInt(30)));
        switch (random.nextInt(10)) {
            case 0 -> { // a channel post
                chat.put("id", -1_000_000_000_000L - random.nextInt(1000));
                chat.put("type", "channel");
                chat.put("title", text(20));
                update.set(random.nextBoolean() ? "channel_post" : "message", message);
            }
            case 1 -> { // an edited message
                chat.put("id", user.chatId());
                chat.put("type", "private");
                message.set("from", from);
                message.put("edit_date", 1_700_000_000);
                update.set("edited_message", message);
            }
            case 2 -> { // a supergroup message from an anonymous admin (sender_chat, no from)
                chat.put("id", -1_000_000_000_000L - random.nextInt(1000));
                chat.put("type", "supergroup");
                chat.put("title", text(20));
                message.set("sender_chat", chat.deepCopy());
                update.set("message", message);
            }
            case 3 -> { // a private message from a user without a first name
                chat.put("id", user.chatId());
                chat.put("type", "private");
                ObjectNode bare = JSON.createObjectNode();
                bare.put("id", user.id());
                bare.put("is_bot", false);
                bare.put("first_name", "");
                message.set("from", bare);
                update.set("message", message);
            }
            case 4 -> { // an inline-mode callback: no message at all
                ObjectNode query = update.putObject("callback_query");
                query.put("id", "q" + random.nextLong());
                query.set("from", from);
                query.put("inline_message_id", text(10));
                query.put("chat_instance", "1");
                query.put("data", forgedCallbackData() == null ? "" : "nav:back");
            }
            case 5 -> { // a message with a reply, a forward and entities pointing outside the text
                chat.put("id", user.chatId());
                chat.put("type", "private");
                message.set("from", from);
                message.set("reply_to_message", message.deepCopy());
                message.putArray("entities").addObject().put("type", "bot_command").put("offset", 50_000)
                        .put("length", 7);
                update.set("message", message);
            }
            case 6 -> { // a poll, a reaction, a join request: kinds the bot never asked for
                String[] kinds = {"poll", "message_reaction", "chat_join_request", "shipping_query", "purchased_paid_media"};
                update.putObject(kinds[random.nextInt(kinds.length)]).put("id", text(5));
            }
            case 7 -> { // an unknown, future update kind
                update.putObject("future_kind_" + random.nextInt(100)).put("x", text(10));
            }
            case 8 -> { // a private-chat message whose sender differs from the chat
                chat.put("id", user.chatId());
                chat.put("type", "private");
                from.put("id", user.id() + 1);
                message.set("from", from);
                update.set("message", message);
            }
            default -> { // a message with no text and nothing else
                chat.put("id", user.chatId());
                chat.put("type", "private");
                message.set("from", from);
                message.remove("text");
                update.set("message", message);
            }
        }
        return update.toString();
    }

    /** Random text from hostile ranges: controls, bidi marks, combining marks, Persian, astral characters. */
    String text(int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            int cp = switch (random.nextInt(12)) {
                case 0 -> random.nextInt(0x20); // C0 controls, NUL included
                case 1 -> 0x7F + random.nextInt(0x21); // DEL and C1 controls
                case 2 -> new int[] {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                        0x2069, 0x200C, 0x200D, 0xFEFF, 0x061C}[random.nextInt(15)];
                case 3 -> 0x0300 + random.nextInt(0x70); // combining marks
                case 4, 5, 6 -> 0x0600 + random.nextInt(0x100); // Arabic script
                case 7 -> 0x1F300 + random.nextInt(0x300); // emoji
                case 8 -> 0x10000 + random.nextInt(0xFFFF0); // any astral code point
                case 9 -> {
                    int c;
                    do {
                        c = random.nextInt(0x10000);
                    } while (c >= 0xD800 && c <= 0xDFFF);
                    yield c;
                }
                default -> 0x20 + random.nextInt(0x5F); // printable ASCII, '<' '&' '/' included
            };
            b.appendCodePoint(Character.charCount(cp) > length - b.length() ? 'x' : cp);
        }
        return b.toString();
    }
}

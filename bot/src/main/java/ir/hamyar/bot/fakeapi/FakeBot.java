package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One bot served by a {@link FakeBotApi}: the control side tests and the sandbox use to play users (inject
 * updates), read what the bot sent (current state of every message), and inject faults.
 *
 * <p>Incoming and outgoing messages of a chat share one increasing message_id sequence, as in Telegram.</p>
 */
public final class FakeBot {

    private static final Logger log = LoggerFactory.getLogger(FakeBot.class);

    record StoredFile(String fileId, String path, String fileName, String mimeType, byte[] bytes) {
    }

    private final FakeBotApi api;
    private final String token;
    private final Flavor flavor;
    private final String username;
    private final long id;
    private final Faults faults = new Faults();
    private final UpdateQueue updates = new UpdateQueue();
    private final BotMethods methods;

    private final Object lock = new Object();
    /** Chats someone waits on (awaitMessages, awaitChange) and how many wait: guarded by {@code lock}. */
    private final Map<Long, Integer> awaited = new HashMap<>();
    private final Map<Long, FakeUser> users = new ConcurrentHashMap<>();
    private final Map<Long, FakeGroup> groups = new ConcurrentHashMap<>();
    // guarded by lock:
    private final Map<Long, Integer> lastMessageIds = new HashMap<>();
    private final Map<Long, LinkedHashMap<Integer, BotMessage>> botMessages = new HashMap<>();
    private final Map<Long, List<SentMessage>> changes = new HashMap<>();
    private long revision;
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, StoredFile> filesByPath = new HashMap<>();
    private final Map<String, Boolean> callbackQueries = new LinkedHashMap<>();
    private final Deque<CallbackAnswer> callbackAnswers = new ArrayDeque<>();
    private final Deque<Call> calls = new ArrayDeque<>();
    private final Map<String, Long> callCounts = new HashMap<>();
    /** Per chat: messages and changes kept; in all: calls and callback answers kept (see {@link #keepRecent}). */
    private int keptPerChat = Integer.MAX_VALUE;
    private int keptRecords = Integer.MAX_VALUE;
    private final Map<String, List<Command>> commands = new LinkedHashMap<>();
    private final List<WebhookAttempt> webhookAttempts = new ArrayList<>();

    private final AtomicLong fileSequence = new AtomicLong();
    private final AtomicLong callbackSequence = new AtomicLong();
    private final AtomicBoolean parseModeSeen = new AtomicBoolean();
    private final List<Consumer<SentMessage>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean editReturnsTrue;

    FakeBot(FakeBotApi api, String token, Flavor flavor, String username) {
        this.api = api;
        this.token = token;
        this.flavor = flavor;
        this.username = username;
        this.id = idOf(token);
        this.editReturnsTrue = flavor == Flavor.BALE;
        this.methods = new BotMethods(this);
    }

    private static long idOf(String token) {
        int colon = token.indexOf(':');
        String prefix = colon > 0 ? token.substring(0, colon) : "";
        if (prefix.matches("[0-9]{1,15}")) {
            return Long.parseLong(prefix);
        }
        return 1_000_000L + Math.floorMod(token.hashCode(), 1_000_000_000L);
    }

    public String token() {
        return token;
    }

    public Flavor flavor() {
        return flavor;
    }

    public String username() {
        return username;
    }

    /** The bot's own user id (the number before ':' in the token when there is one). */
    public long id() {
        return id;
    }

    /** Bale answers {@code editMessageText} with {@code true} instead of the Message; on by default for Bale. */
    public FakeBot editReturnsTrue(boolean value) {
        this.editReturnsTrue = value;
        return this;
    }

    // ---------------------------------------------------------------- users and chats

    /** The user with this id, created on first use. */
    public FakeUser user(long userId, String firstName) {
        return users.computeIfAbsent(userId, key -> new FakeUser(key, firstName));
    }

    /** The group with this (negative) id, created on first use with the bot as a member. */
    public FakeGroup group(long negativeId, String title) {
        return groups.computeIfAbsent(negativeId, key -> new FakeGroup(key, title));
    }

    public List<FakeUser> users() {
        return users.values().stream().sorted(Comparator.comparingLong(FakeUser::id)).toList();
    }

    public List<FakeGroup> groups() {
        return groups.values().stream().sorted(Comparator.comparingLong(FakeGroup::id)).toList();
    }

    // ---------------------------------------------------------------- injecting updates

    /** A text message in the user's private chat; a text starting with '/' carries a bot_command entity. */
    public int injectText(FakeUser from, String text) {
        return injectMessage(from, from.chatJson(), message -> putText(message, text));
    }

    /** A text message by {@code from} in a group. */
    public int injectText(FakeUser from, FakeGroup group, String text) {
        return injectMessage(from, group.chatJson(), message -> putText(message, text));
    }

    /**
     * A shared contact in the user's private chat. {@code contactUserId} may be someone else's id, or null for a
     * number typed into the address book. On Bale an all-digit phone number arrives as a JSON number.
     */
    public int injectContact(FakeUser from, String phoneNumber, Long contactUserId) {
        return injectMessage(from, from.chatJson(), message -> {
            ObjectNode contact = message.putObject("contact");
            if (flavor == Flavor.BALE && phoneNumber.matches("[0-9]{1,18}")) {
                contact.put("phone_number", Long.parseLong(phoneNumber));
            } else {
                contact.put("phone_number", phoneNumber);
            }
            FakeUser owner = contactUserId == null ? null : users.get(contactUserId);
            contact.put("first_name", owner != null ? owner.firstName() : from.firstName());
            if (contactUserId != null) {
                contact.put("user_id", contactUserId);
            }
        });
    }

    public int injectLocation(FakeUser from, double latitude, double longitude) {
        return injectMessage(from, from.chatJson(), message -> {
            ObjectNode location = message.putObject("location");
            location.put("latitude", latitude);
            location.put("longitude", longitude);
        });
    }

    /** A photo in the user's private chat; its bytes become a file the bot can fetch with getFile. */
    public int injectPhoto(FakeUser from, byte[] bytes, String caption) {
        StoredFile thumbnail = storeFile("photo", bytes, null, "image/jpeg");
        StoredFile full = storeFile("photo", bytes, null, "image/jpeg");
        return injectMessage(from, from.chatJson(), message -> {
            var sizes = message.putArray("photo");
            sizes.add(photoSize(thumbnail, 90, 90));
            sizes.add(photoSize(full, 1280, 960));
            if (caption != null) {
                message.put("caption", caption);
            }
        });
    }

    /** The user presses an inline button carrying {@code data} on a bot message (any data: forgeries too). */
    public int injectCallback(FakeUser from, long chatId, int messageId, String data) {
        String queryId = id + "-" + callbackSequence.incrementAndGet();
        ObjectNode messageJson;
        synchronized (lock) {
            BotMessage message = findMessage(chatId, messageId);
            if (message == null || message.deleted) {
                messageJson = Json.object();
                messageJson.set("chat", chatJson(chatId));
                messageJson.put("message_id", messageId);
                messageJson.put("date", 0);
            } else {
                messageJson = message.toJson(chatJson(chatId), meJson());
            }
            callbackQueries.put(queryId, false);
            if (callbackQueries.size() > keptRecords) {
                callbackQueries.remove(callbackQueries.keySet().iterator().next());
            }
        }
        ObjectNode update = Json.object();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", queryId);
        query.set("from", from.toJson());
        query.set("message", messageJson);
        query.put("chat_instance", Long.toString(Math.abs(chatId * 31 + id)));
        if (data != null) {
            query.put("data", data);
        }
        return updates.add(update);
    }

    /** The user presses the inline button labelled {@code label} on that bot message. */
    public int injectCallbackByLabel(FakeUser from, long chatId, int messageId, String label) {
        SentMessage message = message(chatId, messageId)
                .orElseThrow(() -> new IllegalArgumentException("no bot message " + messageId + " in chat " + chatId));
        InlineButton button = message.inlineButton(label).orElseThrow(() -> new IllegalArgumentException(
                "no inline button '" + label + "' on message " + messageId + "; it has " + message.inlineLabels()));
        if (button.callbackData() == null) {
            throw new IllegalArgumentException("button '" + label + "' opens a URL, it has no callback data");
        }
        return injectCallback(from, chatId, messageId, button.callbackData());
    }

    /**
     * The bot's membership in a group changes ({@code my_chat_member}): {@code newStatus} is member,
     * administrator, left or kicked; {@code by} is who did it.
     */
    public int injectMyChatMember(FakeGroup group, FakeUser by, String newStatus) {
        String oldStatus = group.botStatus();
        if (oldStatus.equals(newStatus)) {
            oldStatus = group.botCanWrite() ? "left" : "member";
        }
        group.botStatus(newStatus);
        ObjectNode update = Json.object();
        ObjectNode change = update.putObject("my_chat_member");
        change.set("chat", group.chatJson());
        change.set("from", by.toJson());
        change.put("date", Instant.now().getEpochSecond());
        change.set("old_chat_member", member(oldStatus));
        change.set("new_chat_member", member(newStatus));
        return updates.add(update);
    }

    /**
     * Any update, as JSON text (for unknown kinds and fuzzing). It gets the next update_id, replacing any
     * update_id it carries.
     */
    public int injectRaw(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("an update must be a JSON object", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an update must be a JSON object");
        }
        return updates.add((ObjectNode) node);
    }

    /** Delivers update {@code updateId} once more, with the same update_id, even if it was confirmed already. */
    public int redeliver(int updateId) {
        updates.redeliver(updateId);
        return updateId;
    }

    /**
     * The next update_id is above {@code lastUpdateId}, as Telegram's ids keep growing across restarts: a sandbox
     * restarted on a kept database must not reuse ids its inbox has already seen (they would be dropped).
     */
    public FakeBot continueUpdateIdsAfter(int lastUpdateId) {
        updates.continueAfter(lastUpdateId);
        return this;
    }

    /** Updates not yet confirmed by getUpdates nor pushed to the webhook. */
    public int pendingUpdates() {
        return updates.pendingCount();
    }

    private int injectMessage(FakeUser from, ObjectNode chat, Consumer<ObjectNode> content) {
        users.putIfAbsent(from.id(), from);
        ObjectNode update = Json.object();
        ObjectNode message = update.putObject("message");
        message.put("message_id", nextMessageId(chat.get("id").asLong()));
        message.set("from", from.toJson());
        message.set("chat", chat);
        message.put("date", Instant.now().getEpochSecond());
        content.accept(message);
        return updates.add(update);
    }

    private static void putText(ObjectNode message, String text) {
        message.put("text", text);
        if (text.startsWith("/") && text.length() > 1) {
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0);
            entity.put("length", end);
            entity.put("type", "bot_command");
        }
    }

    private static ObjectNode photoSize(StoredFile file, int width, int height) {
        ObjectNode size = Json.object();
        size.put("file_id", file.fileId());
        size.put("file_unique_id", "u" + file.fileId());
        size.put("width", width);
        size.put("height", height);
        size.put("file_size", file.bytes().length);
        return size;
    }

    private ObjectNode member(String status) {
        ObjectNode member = Json.object();
        member.set("user", meJson());
        member.put("status", status);
        switch (status) {
            case "kicked" -> member.put("until_date", 0);
            case "administrator" -> {
                member.put("can_be_edited", false);
                member.put("is_anonymous", false);
                member.put("can_manage_chat", true);
                member.put("can_delete_messages", true);
                member.put("can_restrict_members", false);
                member.put("can_promote_members", false);
                member.put("can_change_info", false);
                member.put("can_invite_users", true);
            }
            default -> { }
        }
        return member;
    }

    // ---------------------------------------------------------------- reading what the bot did

    /** Every message the bot sent to this chat, oldest first, each in its current state. */
    public List<SentMessage> messages(long chatId) {
        synchronized (lock) {
            var inChat = botMessages.get(chatId);
            return inChat == null ? List.of() : inChat.values().stream().map(BotMessage::snapshot).toList();
        }
    }

    public Optional<SentMessage> message(long chatId, int messageId) {
        synchronized (lock) {
            BotMessage message = findMessage(chatId, messageId);
            return Optional.ofNullable(message).map(BotMessage::snapshot);
        }
    }

    /** The newest message the bot sent to this chat, in its current state. */
    public SentMessage lastMessage(long chatId) {
        List<SentMessage> all = messages(chatId);
        if (all.isEmpty()) {
            throw new IllegalStateException("the bot sent nothing to chat " + chatId);
        }
        return all.get(all.size() - 1);
    }

    /** Waits until the bot sent at least {@code count} messages to the chat. */
    public List<SentMessage> awaitMessages(long chatId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<SentMessage> all = messages(chatId);
                if (all.size() >= count) {
                    return all;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("expected " + count + " messages in chat " + chatId + " within "
                            + timeout + " but there are " + all.size() + ": " + describe(all));
                }
                waitOnLock(chatId, remaining);
            }
        }
    }

    /** A counter that grows with every message the bot sends, edits or deletes. */
    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    /** The sends and edits in this chat after {@code afterRevision}, each as it was at that moment. */
    public List<SentMessage> changesSince(long chatId, long afterRevision) {
        synchronized (lock) {
            return changes.getOrDefault(chatId, List.of()).stream().filter(m -> m.revision() > afterRevision).toList();
        }
    }

    /** Waits for the first send or edit in this chat after {@code afterRevision} that matches. */
    public SentMessage awaitChange(long chatId, long afterRevision, Predicate<SentMessage> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<SentMessage> since = changesSince(chatId, afterRevision);
                Optional<SentMessage> found = since.stream().filter(matching).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("no matching reply in chat " + chatId + " within " + timeout
                            + "; since then the bot sent or edited: " + describe(since));
                }
                waitOnLock(chatId, remaining);
            }
        }
    }

    /** The reply keyboard the user of this chat currently sees (empty when none or removed). */
    public List<List<ReplyButton>> replyKeyboard(long chatId) {
        synchronized (lock) {
            var inChat = botMessages.get(chatId);
            if (inChat == null) {
                return List.of();
            }
            List<BotMessage> all = new ArrayList<>(inChat.values());
            for (int i = all.size() - 1; i >= 0; i--) {
                Markup markup = all.get(i).markup;
                if (markup.remove()) {
                    return List.of();
                }
                if (!markup.reply().isEmpty()) {
                    return markup.reply();
                }
            }
            return List.of();
        }
    }

    public List<CallbackAnswer> callbackAnswers() {
        synchronized (lock) {
            return List.copyOf(callbackAnswers);
        }
    }

    /** Ids of injected callback queries the bot has not answered (yet). */
    public List<String> unansweredCallbackQueries() {
        synchronized (lock) {
            return callbackQueries.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }

    /** Every API call received, in order of arrival. */
    public List<Call> calls() {
        synchronized (lock) {
            return calls.stream().sorted(Comparator.comparing(Call::at)).toList();
        }
    }

    public List<Call> calls(String method) {
        String lower = method.toLowerCase(java.util.Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(lower)).toList();
    }

    /** setMyCommands per language_code; the default list is under {@code ""}. */
    public Map<String, List<Command>> commands() {
        synchronized (lock) {
            return Map.copyOf(commands);
        }
    }

    /** Whether any request to this bot carried a parse_mode (Bale must never get one). */
    public boolean parseModeSeen() {
        return parseModeSeen.get();
    }

    public Optional<String> webhookUrl() {
        return Optional.ofNullable(updates.webhook()).map(UpdateQueue.WebhookConfig::url);
    }

    public List<WebhookAttempt> webhookAttempts() {
        synchronized (lock) {
            return List.copyOf(webhookAttempts);
        }
    }

    /** The bytes of a file the bot uploaded or a user sent. */
    public byte[] fileBytes(String fileId) {
        synchronized (lock) {
            StoredFile file = files.get(fileId);
            if (file == null) {
                throw new IllegalArgumentException("unknown file " + fileId);
            }
            return file.bytes().clone();
        }
    }

    /** Where the file can be downloaded over HTTP, as the Bot API's file URL. */
    public String fileUrl(String fileId) {
        synchronized (lock) {
            StoredFile file = files.get(fileId);
            if (file == null) {
                throw new IllegalArgumentException("unknown file " + fileId);
            }
            return api.baseUrl() + "/file/bot" + token + "/" + file.path();
        }
    }

    /** Called (outside any lock) after each send, edit or delete, with the message's new state. */
    public void onSent(Consumer<SentMessage> listener) {
        listeners.add(listener);
    }

    /**
     * Bounds what this bot remembers, for load runs of many minutes (by default everything is kept, which tests
     * read back): each chat's newest {@code messagesPerChat} messages (an older one is then unknown, as if deleted)
     * and at least as many of its changes, the newest {@code records} calls, callback queries and answers, and
     * injected updates (for {@link #redeliver}). Without a bound a run of five minutes at a few thousand updates/s filled a 1 GB heap.
     */
    public FakeBot keepRecent(int messagesPerChat, int records) {
        if (messagesPerChat < 1 || records < 1) {
            throw new IllegalArgumentException("keep at least one message per chat and one record");
        }
        synchronized (lock) {
            keptPerChat = messagesPerChat;
            keptRecords = records;
        }
        updates.limitHistory(records);
        return this;
    }

    /** Forgets recorded calls, callback answers and message history, e.g. between phases of a load test. */
    public void forgetRecords() {
        synchronized (lock) {
            calls.clear();
            callbackAnswers.clear();
            changes.clear();
            webhookAttempts.clear();
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * The next {@code times} calls of {@code method} fail with {@code status}; a 429 carries
     * {@code parameters.retry_after} when {@code retryAfter} is given.
     */
    public FakeBot failNext(String method, int times, int status, Integer retryAfter) {
        faults.failNext(method, times, status, retryAfter);
        return this;
    }

    /** Every call for this chat answers 403 "bot was blocked by the user" until {@link #clearFaults()}. */
    public FakeBot forbidChat(long chatId) {
        faults.forbid(chatId);
        return this;
    }

    public FakeBot allowChat(long chatId) {
        faults.allow(chatId);
        return this;
    }

    /** Every call of {@code method} is answered only after {@code delay}. */
    public FakeBot delay(String method, Duration delay) {
        faults.delay(method, delay);
        return this;
    }

    /** The next {@code times} calls of {@code method} get their connection closed without an answer. */
    public FakeBot dropConnections(String method, int times) {
        faults.dropConnections(method, times);
        return this;
    }

    /**
     * Enforces a Bot API-like rate: message calls (send…, edit…, deleteMessage, answerCallbackQuery) beyond
     * {@code perSecond} within any one second are answered 429 with {@code retry_after} 1, as Telegram does
     * when a bot floods. {@code 0} lifts the limit.
     */
    public FakeBot limitRate(int perSecond) {
        faults.limitRate(perSecond);
        return this;
    }

    public FakeBot clearFaults() {
        faults.clear();
        return this;
    }

    // ---------------------------------------------------------------- package-private: used by the server side

    Faults faults() {
        return faults;
    }

    UpdateQueue updates() {
        return updates;
    }

    BotMethods methods() {
        return methods;
    }

    FakeBotApi api() {
        return api;
    }

    void sawParseMode() {
        parseModeSeen.set(true);
    }

    boolean editReturnsTrueEnabled() {
        return editReturnsTrue;
    }

    /**
     * How many calls of each method (lower case) were received so far: every one, unlike {@link #calls()}, which
     * holds only the newest under {@link #keepRecent}.
     */
    public Map<String, Long> callCounts() {
        synchronized (lock) {
            return Map.copyOf(callCounts);
        }
    }

    void record(Call call) {
        synchronized (lock) {
            callCounts.merge(call.method(), 1L, Long::sum);
            calls.addLast(call);
            if (calls.size() > keptRecords) {
                calls.removeFirst();
            }
        }
    }

    void recordWebhookAttempt(WebhookAttempt attempt) {
        synchronized (lock) {
            webhookAttempts.add(attempt);
        }
    }

    ObjectNode meJson() {
        ObjectNode me = Json.object();
        me.put("id", id);
        me.put("is_bot", true);
        me.put("first_name", username);
        me.put("username", username);
        return me;
    }

    FakeUser knownUser(long userId) {
        return users.get(userId);
    }

    FakeGroup knownGroup(long groupId) {
        return groups.get(groupId);
    }

    /** The chat object for an id; a chat the fake never heard of is created, as if its user had started the bot. */
    ObjectNode chatJson(long chatId) {
        if (chatId > 0) {
            return users.computeIfAbsent(chatId, key -> new FakeUser(key, "User " + key)).chatJson();
        }
        if (chatId < 0) {
            return groups.computeIfAbsent(chatId, key -> new FakeGroup(key, "Group " + key)).chatJson();
        }
        throw ApiException.badRequest("chat not found");
    }

    int nextMessageId(long chatId) {
        synchronized (lock) {
            return lastMessageIds.merge(chatId, 1, Integer::sum);
        }
    }

    /** Runs {@code mutation} under the lock, stamps the message's new revision and publishes its new state. */
    <T> T change(Mutation<T> mutation) {
        SentMessage snapshot;
        T result;
        synchronized (lock) {
            Changed<T> outcome = mutation.apply();
            BotMessage changed = outcome.message();
            changed.revision = ++revision;
            snapshot = changed.snapshot();
            if (!changed.deleted) {
                List<SentMessage> inChat = changes.computeIfAbsent(changed.chatId, k -> new ArrayList<>());
                inChat.add(snapshot);
                if (inChat.size() - keptPerChat > keptPerChat) { // not 2 * keptPerChat: MAX_VALUE when unbounded
                    // trimmed in steps of keptPerChat: removing from the front of a list is a copy
                    inChat.subList(0, inChat.size() - keptPerChat).clear();
                }
            }
            result = outcome.result();
            // Only a change in a chat someone waits for wakes the waiters: under load, waking every waiting
            // thread on every message of every chat kept the fake's lock busy (and the machine) for nothing.
            if (awaited.containsKey(changed.chatId)) {
                lock.notifyAll();
            }
        }
        for (Consumer<SentMessage> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                log.warn("a fake Bot API listener failed: {}", e.getClass().getSimpleName());
            }
        }
        return result;
    }

    record Changed<T>(BotMessage message, T result) {
    }

    @FunctionalInterface
    interface Mutation<T> {
        Changed<T> apply();
    }

    /** Adds a new bot message to its chat; call inside {@link #change}. */
    BotMessage addMessage(long chatId, Attachment attachment, String text, String parseMode, Markup markup) {
        BotMessage message = new BotMessage(chatId, nextMessageId(chatId), Instant.now(), attachment, text, parseMode,
                markup);
        LinkedHashMap<Integer, BotMessage> inChat = botMessages.computeIfAbsent(chatId, k -> new LinkedHashMap<>());
        inChat.put(message.messageId, message);
        if (inChat.size() > keptPerChat) {
            inChat.remove(inChat.keySet().iterator().next()); // the oldest: a long load run's chats grow without end
        }
        return message;
    }

    BotMessage findMessage(long chatId, int messageId) {
        synchronized (lock) {
            var inChat = botMessages.get(chatId);
            return inChat == null ? null : inChat.get(messageId);
        }
    }

    /** Serialises a bot message; call under the lock or inside {@link #change}. */
    ObjectNode messageJson(BotMessage message) {
        synchronized (lock) {
            return message.toJson(chatJson(message.chatId), meJson());
        }
    }

    StoredFile storeFile(String kind, byte[] bytes, String fileName, String mimeType) {
        long n = fileSequence.incrementAndGet();
        String fileId = kind + "-" + id + "-" + n;
        String name = fileName == null || fileName.isBlank() ? "file_" + n : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        StoredFile file = new StoredFile(fileId, kind + "s/" + n + "_" + name, fileName, mimeType, bytes);
        synchronized (lock) {
            files.put(fileId, file);
            filesByPath.put(file.path(), file);
        }
        return file;
    }

    StoredFile file(String fileId) {
        synchronized (lock) {
            return files.get(fileId);
        }
    }

    StoredFile fileAt(String path) {
        synchronized (lock) {
            return filesByPath.get(path);
        }
    }

    /** @return false when the query is unknown or was answered already */
    boolean answerCallback(CallbackAnswer answer) {
        synchronized (lock) {
            Boolean answered = callbackQueries.get(answer.callbackQueryId());
            if (answered == null || answered) {
                return false;
            }
            callbackQueries.put(answer.callbackQueryId(), true);
            callbackAnswers.addLast(answer);
            if (callbackAnswers.size() > keptRecords) {
                callbackAnswers.removeFirst();
            }
            return true;
        }
    }

    void setCommands(String languageCode, List<Command> list) {
        synchronized (lock) {
            if (list.isEmpty()) {
                commands.remove(languageCode);
            } else {
                commands.put(languageCode, List.copyOf(list));
            }
        }
    }

    List<Command> commandsFor(String languageCode) {
        synchronized (lock) {
            return commands.getOrDefault(languageCode, List.of());
        }
    }

    void close() {
        updates.close();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits (holding {@code lock}) for a change in the chat; other chats' changes do not wake it. */
    private void waitOnLock(long chatId, long remainingNanos) {
        awaited.merge(chatId, 1, Integer::sum);
        try {
            lock.wait(TimeUnit.NANOSECONDS.toMillis(remainingNanos) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bot", e);
        } finally {
            awaited.computeIfPresent(chatId, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    private static String describe(List<SentMessage> messages) {
        StringBuilder out = new StringBuilder("[");
        for (SentMessage m : messages) {
            String text = m.plainText();
            out.append("\n  #").append(m.messageId()).append(m.edited() ? " (edited)" : "").append(": ")
                    .append(text.length() > 200 ? text.substring(0, 200) + "…" : text);
            if (!m.inlineKeyboard().isEmpty()) {
                out.append(" inline=").append(m.inlineLabels());
            }
            if (!m.replyKeyboard().isEmpty()) {
                out.append(" keyboard=").append(m.replyLabels());
            }
        }
        return out.append(messages.isEmpty() ? "]" : "\n]").toString();
    }
}

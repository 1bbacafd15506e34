package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.domain.shared.Platform;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the fake Bot API does not keep for the sandbox: what the person sent in each chat (so a conversation
 * reads both ways), the phone number each user shares, and a signal that wakes long polls when a chat changes.
 *
 * <p>A lifecycle bean of the highest phase: on shutdown it stops first, releasing every waiting long poll
 * before the web server's graceful shutdown would wait for them.
 */
final class SandboxChats implements SmartLifecycle {

    static final int MAX_MESSAGES_PER_CHAT = 500;
    static final int MAX_KEPT_PHOTOS = 50;

    /** One thing the person sent; exactly one of text, contact, location and photo is set. */
    record OwnMessage(long seq, Platform platform, long chatId, long userId, String userName, Instant at,
                      boolean delivered, String text, Contact contact, Location location, Photo photo) {
    }

    record Contact(String phone, Long contactUserId) {
    }

    record Location(double latitude, double longitude) {
    }

    record Photo(String caption, String mimeType, int size) {
    }

    private record ChatKey(Platform platform, long chatId) {
    }

    private record UserKey(Platform platform, long userId) {
    }

    private final Map<Platform, FakeBot> bots;
    private final Object signal = new Object();
    // guarded by signal:
    private final Map<ChatKey, Deque<OwnMessage>> sent = new HashMap<>();
    private final Map<UserKey, String> phones = new HashMap<>();
    private final LinkedHashMap<Long, byte[]> photos = new LinkedHashMap<>();
    private long sequence;
    private boolean running;

    SandboxChats(FakeBot telegram, FakeBot bale) {
        Map<Platform, FakeBot> map = new EnumMap<>(Platform.class);
        map.put(Platform.TELEGRAM, telegram);
        map.put(Platform.BALE, bale);
        this.bots = map;
        bots.values().forEach(bot -> bot.onSent(message -> wake()));
    }

    private SandboxChats() {
        this.bots = Map.of();
    }

    /** The sandbox is off: no chats (nothing reaches them; its API answers 404). */
    static SandboxChats none() {
        return new SandboxChats();
    }

    FakeBot bot(Platform platform) {
        return bots.get(platform);
    }

    // ---------------------------------------------------------------- the person's own messages

    OwnMessage recordText(Platform platform, long chatId, long userId, String userName, boolean delivered, String text) {
        return record(platform, chatId, userId, userName, delivered, text, null, null, null, null);
    }

    OwnMessage recordContact(Platform platform, long chatId, long userId, String userName, String phone,
                             Long contactUserId) {
        return record(platform, chatId, userId, userName, true, null, new Contact(phone, contactUserId), null, null,
                null);
    }

    OwnMessage recordLocation(Platform platform, long chatId, long userId, String userName, double latitude,
                              double longitude) {
        return record(platform, chatId, userId, userName, true, null, null, new Location(latitude, longitude), null,
                null);
    }

    OwnMessage recordPhoto(Platform platform, long chatId, long userId, String userName, String caption,
                           String mimeType, byte[] bytes) {
        return record(platform, chatId, userId, userName, true, null, null, null,
                new Photo(caption, mimeType, bytes.length), bytes);
    }

    private OwnMessage record(Platform platform, long chatId, long userId, String userName, boolean delivered,
                              String text, Contact contact, Location location, Photo photo, byte[] photoBytes) {
        synchronized (signal) {
            OwnMessage message = new OwnMessage(++sequence, platform, chatId, userId, userName, Instant.now(),
                    delivered, text, contact, location, photo);
            Deque<OwnMessage> chat = sent.computeIfAbsent(new ChatKey(platform, chatId), k -> new ArrayDeque<>());
            chat.addLast(message);
            if (chat.size() > MAX_MESSAGES_PER_CHAT) {
                chat.removeFirst();
            }
            if (photoBytes != null) {
                photos.put(message.seq(), photoBytes);
                if (photos.size() > MAX_KEPT_PHOTOS) {
                    photos.remove(photos.keySet().iterator().next());
                }
            }
            signal.notifyAll();
            return message;
        }
    }

    /** What the person sent in this chat after {@code afterSeq}, oldest first. */
    List<OwnMessage> sentSince(Platform platform, long chatId, long afterSeq) {
        synchronized (signal) {
            Deque<OwnMessage> chat = sent.get(new ChatKey(platform, chatId));
            return chat == null ? List.of() : chat.stream().filter(m -> m.seq() > afterSeq).toList();
        }
    }

    /** The newest sequence number handed out (on any platform, in any chat). */
    long lastSequence() {
        synchronized (signal) {
            return sequence;
        }
    }

    /** The bytes of a photo the person sent in that chat, while it is still kept. */
    Optional<byte[]> photo(Platform platform, long chatId, long seq) {
        synchronized (signal) {
            Deque<OwnMessage> chat = sent.get(new ChatKey(platform, chatId));
            boolean inChat = chat != null && chat.stream().anyMatch(m -> m.seq() == seq && m.photo() != null);
            return inChat ? Optional.ofNullable(photos.get(seq)) : Optional.empty();
        }
    }

    boolean photoKept(long seq) {
        synchronized (signal) {
            return photos.containsKey(seq);
        }
    }

    // ---------------------------------------------------------------- phones

    void rememberPhone(Platform platform, long userId, String phone) {
        synchronized (signal) {
            phones.put(new UserKey(platform, userId), phone);
        }
    }

    Optional<String> phone(Platform platform, long userId) {
        synchronized (signal) {
            return Optional.ofNullable(phones.get(new UserKey(platform, userId)));
        }
    }

    // ---------------------------------------------------------------- long polling

    /**
     * Waits until {@code changed} holds or {@code timeout} passes; re-checked whenever the bot sends, edits or
     * deletes a message or the person sends something. Returns at once when the application is stopping.
     */
    void awaitChange(BooleanSupplier changed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (running && !changed.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                try {
                    signal.wait(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        synchronized (signal) {
            running = true;
        }
    }

    @Override
    public void stop() {
        synchronized (signal) {
            running = false;
            signal.notifyAll();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (signal) {
            return running;
        }
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}

package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.OutboundMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * The limits of one bot: its overall rate, each chat's rate, each group's rate, and a pause after a 429.
 * A call is allowed only when every limit that applies allows it, and then takes from all of them at once.
 */
final class PlatformLimiter {

    private final OutboundProperties properties;
    private final TokenBucket bot;
    private final Map<Long, TokenBucket> chats = new HashMap<>();
    private final Map<Long, TokenBucket> groups = new HashMap<>();
    private long pausedUntil;
    private boolean paused;

    PlatformLimiter(OutboundProperties properties, long nowNanos) {
        this.properties = properties;
        this.bot = new TokenBucket(properties.botPerSecond(), properties.botBurst(), nowNanos);
    }

    /** 0 when the call may go now (and is counted); otherwise nanoseconds to wait, with nothing taken. */
    synchronized long tryAcquire(OutboundMessage.Op op, long chatId, long now) {
        long wait = 0;
        if (paused) {
            if (pausedUntil - now > 0) {
                return pausedUntil - now;
            }
            paused = false;
        }
        wait = Math.max(wait, bot.waitNanos(now));
        // A callback answer is shown to the presser at once or never: it is not held back by the chat's rate.
        boolean perChat = op != OutboundMessage.Op.ANSWER_CALLBACK;
        TokenBucket chat = null;
        TokenBucket group = null;
        if (perChat) {
            chat = chats.computeIfAbsent(chatId,
                    id -> new TokenBucket(properties.chatPerSecond(), properties.chatBurst(), now));
            wait = Math.max(wait, chat.waitNanos(now));
            if (chatId < 0) {
                group = groups.computeIfAbsent(chatId,
                        id -> new TokenBucket(properties.groupPerMinute() / 60d, properties.groupBurst(), now));
                wait = Math.max(wait, group.waitNanos(now));
            }
        }
        if (wait > 0) {
            return wait;
        }
        bot.take(now);
        if (chat != null) {
            chat.take(now);
        }
        if (group != null) {
            group.take(now);
        }
        return 0;
    }

    /** After a 429: no call at all until {@code until}. A later pause never shortens an earlier one. */
    synchronized void pauseUntil(long until) {
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
        }
        paused = true;
    }

    /** Forgets full buckets, so that a broadcast to a million chats leaves no million buckets behind. */
    synchronized void evictIdle(long now) {
        chats.values().removeIf(b -> b.idle(now));
        groups.values().removeIf(b -> b.idle(now));
    }

    synchronized int trackedChats() {
        return chats.size() + groups.size();
    }
}

package ir.hamyar.bot.fakeapi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The faults a test asked for; one instance per bot, all methods thread-safe. */
final class Faults {

    private record Failure(int status, Integer retryAfter) {
    }

    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, Integer> drops = new HashMap<>();
    private final Map<String, Duration> delays = new HashMap<>();
    private final Set<Long> forbiddenChats = new HashSet<>();
    private final Deque<Long> recentMessageCalls = new ArrayDeque<>();
    private int perSecond;

    synchronized void failNext(String method, int times, int status, Integer retryAfter) {
        if (times < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("fail at least once with a 4xx or 5xx status");
        }
        Deque<Failure> queue = failures.computeIfAbsent(key(method), k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(status, retryAfter));
        }
    }

    synchronized void dropConnections(String method, int times) {
        drops.merge(key(method), times, Integer::sum);
    }

    synchronized void delay(String method, Duration delay) {
        if (delay == null || delay.isZero()) {
            delays.remove(key(method));
        } else {
            delays.put(key(method), delay);
        }
    }

    synchronized void limitRate(int callsPerSecond) {
        if (callsPerSecond < 0) {
            throw new IllegalArgumentException("a rate is not negative");
        }
        perSecond = callsPerSecond;
        recentMessageCalls.clear();
    }

    /** @throws ApiException 429 when this message call would exceed the rate limit (it is then not counted) */
    private void throwWhenOverRate(String method) {
        if (perSecond == 0 || !(method.startsWith("send") || method.startsWith("edit")
                || method.equals("deletemessage") || method.equals("answercallbackquery"))) {
            return;
        }
        long now = System.nanoTime();
        while (!recentMessageCalls.isEmpty() && now - recentMessageCalls.peekFirst() >= 1_000_000_000L) {
            recentMessageCalls.pollFirst();
        }
        if (recentMessageCalls.size() >= perSecond) {
            throw new ApiException(429, ApiException.describe(429) + ": retry after 1", 1);
        }
        recentMessageCalls.addLast(now);
    }

    synchronized void forbid(long chatId) {
        forbiddenChats.add(chatId);
    }

    synchronized void allow(long chatId) {
        forbiddenChats.remove(chatId);
    }

    synchronized void clear() {
        failures.clear();
        drops.clear();
        delays.clear();
        forbiddenChats.clear();
        perSecond = 0;
        recentMessageCalls.clear();
    }

    synchronized boolean takeDrop(String method) {
        Integer left = drops.get(method);
        if (left == null) {
            return false;
        }
        if (left <= 1) {
            drops.remove(method);
        } else {
            drops.put(method, left - 1);
        }
        return true;
    }

    synchronized Duration delayOf(String method) {
        return delays.getOrDefault(method, Duration.ZERO);
    }

    /** @throws ApiException the next planned failure of this method, if any */
    synchronized void throwPlannedFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        Failure failure = queue == null ? null : queue.poll();
        if (failure == null) {
            throwWhenOverRate(method);
            return;
        }
        String description = ApiException.describe(failure.status());
        if (failure.status() == 429 && failure.retryAfter() != null) {
            description += ": retry after " + failure.retryAfter();
        }
        throw new ApiException(failure.status(), description, failure.retryAfter());
    }

    synchronized boolean isForbidden(long chatId) {
        return forbiddenChats.contains(chatId);
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}

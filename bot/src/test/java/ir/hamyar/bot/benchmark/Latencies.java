package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.fakeapi.SentMessage;

import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency from an update's injection to its reply seen by the fake. Only for updates that get exactly one reply
 * in their own chat (echo texts, /help, /profile): one chat's replies come in the order of its updates, so the
 * n-th reply of a chat answers its n-th tracked update.
 */
final class Latencies {

    private final Map<Long, Queue<Long>> injected = new ConcurrentHashMap<>();
    private final long[] samples = new long[4_000_000];
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile boolean recording;

    void injected(long chatId) {
        injected.computeIfAbsent(chatId, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
        outstanding.incrementAndGet();
    }

    void onSent(SentMessage m) {
        if (m.edited()) {
            return;
        }
        Queue<Long> q = injected.get(m.chatId());
        Long at = q == null ? null : q.poll();
        if (at == null) {
            return;
        }
        replies.incrementAndGet();
        outstanding.decrementAndGet();
        if (recording) {
            int i = count.getAndIncrement();
            if (i < samples.length) {
                samples[i] = System.nanoTime() - at;
            }
        }
    }

    /** Replies to tracked updates so far. */
    long replies() {
        return replies.get();
    }

    /** Tracked updates still waiting for their reply. */
    long outstanding() {
        return outstanding.get();
    }

    void startRecording() {
        count.set(0);
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }

    /** p50, p95, p99, max in milliseconds of the latencies recorded. */
    double[] percentilesMillis() {
        int n = Math.min(count.get(), samples.length);
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[n - 1] / 1e6};
    }

    int recorded() {
        return Math.min(count.get(), samples.length);
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}

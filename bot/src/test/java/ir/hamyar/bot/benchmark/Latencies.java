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
    /** When each sample's update was injected (nanoTime): a stall shows as the seconds whose replies were slow. */
    private final long[] injectedAt = new long[samples.length];
    private volatile long recordingFrom;
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
                injectedAt[i] = at;
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
        recordingFrom = System.nanoTime();
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

    /**
     * The {@code n} seconds of the phase (by injection time) with the slowest replies: "second: replies, p99/max ms".
     * Tells a tail spread over the whole phase from one made by a few stalls (a GC pause, a checkpoint's fsync).
     */
    String worstSeconds(int n) {
        int total = Math.min(count.get(), samples.length);
        java.util.Map<Long, java.util.List<Long>> bySecond = new java.util.TreeMap<>();
        for (int i = 0; i < total; i++) {
            long second = Math.max(0, injectedAt[i] - recordingFrom) / 1_000_000_000L;
            bySecond.computeIfAbsent(second, k -> new java.util.ArrayList<>()).add(samples[i]);
        }
        return bySecond.entrySet().stream().map(e -> {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            return new long[] {e.getKey(), sorted.length, (long) (at(sorted, 0.99) * 1000), sorted[sorted.length - 1]};
        }).sorted((a, b) -> Long.compare(b[2], a[2])).limit(n).map(w -> String.format("s%d: %d replies, %.0f/%.0f ms",
                w[0], w[1], w[2] / 1000.0, w[3] / 1e6)).collect(java.util.stream.Collectors.joining("; "));
    }

    int recorded() {
        return Math.min(count.get(), samples.length);
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}

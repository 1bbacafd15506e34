package ir.hamyar.bot.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The garbage-collection pauses of this JVM (the benchmark's harness) since the last {@link #reset}: how many, how long in all, the longest, and how many
 * collected the whole heap (the serial collector's and G1's full collections). The collectors' totals do not say whether
 * a latency tail was one long pause, many short ones, or none.
 */
final class GcPauses {

    private static final AtomicLong longestMillis = new AtomicLong();
    private static final AtomicLong count = new AtomicLong();
    private static final AtomicLong totalMillis = new AtomicLong();
    private static final AtomicLong full = new AtomicLong();

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            // ZGC's and Shenandoah's "Cycles" beans report concurrent cycles (seconds long, the application running
            // meanwhile), not pauses; their "Pauses" beans report the pauses
            if (gc instanceof NotificationEmitter emitter && !gc.getName().endsWith("Cycles")) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long ms = info.getGcInfo().getDuration();
                        longestMillis.accumulateAndGet(ms, Math::max);
                        count.incrementAndGet();
                        totalMillis.addAndGet(ms);
                        if (info.getGcAction().contains("major")) {
                            full.incrementAndGet();
                        }
                    }
                }, null, null);
            }
        }
    }

    private GcPauses() {
    }

    static void reset() {
        longestMillis.set(0);
        count.set(0);
        totalMillis.set(0);
        full.set(0);
    }

    /** E.g. "longest GC pause 82 ms (41 pauses, 1,650 ms in all, 0 of the whole heap)". */
    static String summary() {
        return String.format("longest GC pause %d ms (%d pauses, %,d ms in all, %d of the whole heap)",
                longestMillis.get(), count.get(), totalMillis.get(), full.get());
    }
}

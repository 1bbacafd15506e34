package ir.hamyar.bot.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The longest garbage-collection pause since the last {@link #reset}: the collectors' totals do not say whether a
 * latency tail was one long pause or none.
 */
final class GcPauses {

    private static final AtomicLong longestMillis = new AtomicLong();

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long ms = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo().getDuration();
                        longestMillis.accumulateAndGet(ms, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private GcPauses() {
    }

    static void reset() {
        longestMillis.set(0);
    }

    static long longestMillis() {
        return longestMillis.get();
    }
}

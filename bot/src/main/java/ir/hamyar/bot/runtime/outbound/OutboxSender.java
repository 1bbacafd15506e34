package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.MessengerClient.SendResult;
import ir.hamyar.bot.runtime.outbound.OutboundGateway.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the outbox. A row is leased (CLAIMED with {@code claimed_until}) in a short transaction, sent
 * through the {@link OutboundGateway} by one of a small fixed pool of threads, and its outcome stored in
 * another short transaction; no transaction is open during a messenger call. Rows come from two sources:
 * the {@link Outbox} hands new rows over right after commit, and a poller claims ready rows (retries whose
 * back-off has passed, rows another instance left behind, rows of chats whose earlier row just went out
 * elsewhere) with {@code FOR UPDATE SKIP LOCKED}, so several instances share the table without sending a
 * row twice. After a crash only the rows that were in flight may go out twice.
 *
 * <p>A claimed row may wait in this instance's queue longer than its lease (a broadcast leases up to twice
 * {@code max-in-flight} rows at once, and a slow messenger drains them slowly). So the poller renews the leases
 * of the rows still held every quarter lease, and a row is sent only while it is still held: a row whose lease
 * was lost anyway (the instance stalled) is dropped from memory and left to whoever took it, and a row claimed
 * again while still queued here is not queued twice. Without that, rows queued past their lease were
 * recovered, claimed a second time and sent twice.
 *
 * <p>Outcomes are stored in groups: a sender thread hands over what a call returned and goes on with the next row,
 * and the poller thread stores every outcome waiting so far in one transaction, which also claims the next row of
 * each of those chats. Under load a commit is shared by many messages instead of being paid by each; when idle a
 * group is a single row and it is stored at once.
 *
 * <p>Outcomes are stored on the thread that claims new rows, so that the claim of a chat's new row never runs while
 * the outcome of the chat's previous row is written but not committed: the new row is either claimed as that chat's
 * next row (it was committed before the outcome's claim looked) or by the claim of new rows that follows (which then
 * sees the previous row sent). On two threads, a claim that ran in between saw the previous row still leased, the
 * outcome's claim did not see the new row yet, and the row waited for the next poll: 145 of 21,183 rows leased at
 * 1,000 updates/s in the load benchmark, each up to a poll interval late.
 *
 * <p>Starts after the web server and before the default phase (the receivers), stops in the reverse order:
 * stop claiming, let calls in flight finish, store their outcomes, hand back the leases of rows not yet sent.
 */
@Component
public class OutboxSender implements SmartLifecycle {

    /** Broadcasts tag their rows {@code broadcast:<id>}: the broadcast-progress gauge counts those still unsent. */
    static final String BROADCAST_REFERENCE_PREFIX = "broadcast:";

    /** Lifecycle phase: after the web server starts, before beans of the default phase (update receivers). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_WOKEN = 20_000;
    private static final int MAX_CLAIM = 500;

    private final OutboxStore store;
    private final OutboundGateway gateway;
    private final ObjectProvider<DeliveryListener> listenerProvider;
    private final OutboundProperties properties;
    private final OutboundMetrics metrics;
    private final String owner;

    /** Rows committed but not claimed yet, oldest first; bounded (beyond it the poller finds them). */
    private final ConcurrentSkipListSet<Long> woken = new ConcurrentSkipListSet<>();
    private final AtomicInteger wokenCount = new AtomicInteger();
    private final AtomicBoolean claimQueued = new AtomicBoolean();
    private final Map<Long, ClaimedRow> held = new ConcurrentHashMap<>();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean finishQueued = new AtomicBoolean();
    private final Object lifecycle = new Object();

    private volatile boolean running;
    private volatile List<DeliveryListener> listeners = List.of();
    private ScheduledThreadPoolExecutor senders;
    private ScheduledExecutorService poller;
    private long nextGaugeRefresh;

    @Autowired
    OutboxSender(OutboxStore store, OutboundGateway gateway, ObjectProvider<DeliveryListener> listeners,
                 OutboundProperties properties, OutboundMetrics metrics) {
        this.store = store;
        this.gateway = gateway;
        this.listenerProvider = listeners;
        this.properties = properties;
        this.metrics = metrics;
        this.owner = properties.instanceId().isEmpty() ? defaultOwner() : properties.instanceId();
    }

    /** This instance's name in {@code claimed_by}. */
    String owner() {
        return owner;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            // Resolved late: a listener may itself depend on the Outbox, which depends on this sender.
            listeners = listenerProvider.orderedStream().toList();
            senders = new ScheduledThreadPoolExecutor(properties.senderThreads(), threads("outbox-sender-"));
            senders.setRemoveOnCancelPolicy(true);
            senders.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            poller = Executors.newSingleThreadScheduledExecutor(threads("outbox-poller-"));
            running = true;
            poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            long renewEvery = Math.max(1, properties.lease().toMillis() / 4);
            poller.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
            // Leases that ran out (their instance died) are looked for every quarter lease too, not at every poll: the
            // statement reads the leased rows, ~20 ms under load at each poll, and a row of a dead instance waits out
            // its whole lease anyway (a quarter more at most, now).
            poller.scheduleWithFixedDelay(this::recoverExpiredLeases, 0, renewEvery, TimeUnit.MILLISECONDS);
            log.info("outbox sender {} started with {} threads", owner, properties.senderThreads());
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            poller.shutdown();
            senders.shutdown();
            try {
                long timeout = properties.shutdownTimeout().toMillis();
                poller.awaitTermination(timeout, TimeUnit.MILLISECONDS);
                if (!senders.awaitTermination(timeout, TimeUnit.MILLISECONDS)) {
                    log.warn("outbox sender {}: calls still in flight after {} ms", owner, timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Outcomes of the calls that finished since the poller stopped must be stored before the leases are
            // handed back, or those rows would be sent again.
            finishWaiting();
            int released = 0;
            try {
                released = store.releaseAll(owner);
            } catch (RuntimeException e) {
                log.warn("outbox sender {} could not hand back its leases (they run out by themselves): {}",
                        owner, e.getClass().getName());
            }
            held.clear();
            log.info("outbox sender {} stopped; handed back {} unsent rows", owner, released);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** New rows were committed: claim them now instead of at the next poll. Called after commit. */
    void wake(Collection<Long> ids) {
        if (!running || ids.isEmpty()) {
            return;
        }
        for (Long id : ids) {
            if (wokenCount.get() >= MAX_WOKEN) {
                break; // a large broadcast: the poller claims the rest at its own pace
            }
            if (woken.add(id)) {
                wokenCount.incrementAndGet();
            }
        }
        triggerClaim();
    }

    /**
     * Whether rows written now may be claimed in the transaction that writes them ({@link Outbox}): while this sender
     * runs and has room for them (beyond it they wait for {@link #wake}).
     */
    boolean takesWritten(int rows) {
        return running && held.size() + rows <= 2 * properties.maxInFlight();
    }

    Duration lease() {
        return properties.lease();
    }

    /**
     * Rows claimed for this sender by the transaction that wrote them, now committed: sent without a claim of their
     * own, and without waiting for the poller thread. Stopped meanwhile: their leases are handed back (or run out).
     */
    void sendWritten(List<ClaimedRow> rows) {
        metrics.claimed("written", rows.size());
        if (!running) {
            try {
                store.release(rows.stream().map(ClaimedRow::id).toList(), owner);
            } catch (RuntimeException e) {
                log.warn("outbox sender {} could not hand back {} leases (they run out by themselves): {}", owner,
                        rows.size(), e.getClass().getName());
            }
            return;
        }
        rows.forEach(this::dispatch);
    }

    private void triggerClaim() {
        if (claimQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::claimWoken);
            } catch (RejectedExecutionException stopping) {
                claimQueued.set(false);
            }
        }
    }

    /** Rows currently leased by this instance (claimed, waiting or being sent). */
    int inFlight() {
        return held.size();
    }

    /**
     * Claims committed rows, oldest first, while there is room. New rows may exceed the poller's share (a reply
     * while a broadcast fills the pipe) but not without bound: a broadcast written in one transaction must not
     * be leased all at once. Rows that do not fit stay waiting here and are claimed as soon as stored outcomes
     * make room ({@link #finishWaiting}), not a poll interval later; rows that are not the head of their chat are
     * forgotten here: the chat's next row is claimed when its current one is finished.
     */
    private void claimWoken() {
        claimQueued.set(false);
        int room = 2 * properties.maxInFlight() - held.size();
        while (running && room > 0 && !woken.isEmpty()) {
            List<Long> ids = new ArrayList<>();
            for (Long id; ids.size() < Math.min(room, MAX_CLAIM) && (id = woken.pollFirst()) != null; ) {
                wokenCount.decrementAndGet();
                ids.add(id);
            }
            try {
                List<ClaimedRow> claimed = store.claimIds(ids, room, owner, properties.lease());
                metrics.claimed("new", claimed.size());
                claimed.forEach(this::dispatch);
                room -= claimed.size();
            } catch (RuntimeException e) {
                // Nothing lost: the rows stay PENDING and the poller finds them.
                log.warn("outbox sender {}: claiming new rows failed: {}", owner, e.getClass().getName());
                return;
            }
        }
    }

    private void poll() {
        if (!running) {
            return;
        }
        try {
            int room = properties.maxInFlight() - held.size();
            if (room > 0) {
                List<ClaimedRow> ready = store.claimReady(room, owner, properties.lease());
                metrics.claimed("poll", ready.size());
                ready.forEach(this::dispatch);
            }
            gateway.evictIdle();
            refreshGauge();
        } catch (RuntimeException e) {
            log.warn("outbox sender {}: poll failed: {}", owner, e.getClass().getName());
        }
    }

    /** Rows whose lease ran out (their instance died or hung) become PENDING again, for the next poll to claim. */
    private void recoverExpiredLeases() {
        if (!running) {
            return;
        }
        try {
            int recovered = store.recoverExpiredLeases();
            if (recovered > 0) {
                log.info("outbox sender {}: {} rows whose lease ran out are pending again", owner, recovered);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sender {}: recovering expired leases failed: {}", owner, e.getClass().getName());
        }
    }

    /** Keeps the leases of held rows from running out while they wait; forgets the rows no longer ours. */
    private void renewLeases() {
        if (!running || held.isEmpty()) {
            return;
        }
        Map<Long, ClaimedRow> snapshot = Map.copyOf(held);
        try {
            Set<Long> lost = store.renew(snapshot.keySet(), owner, properties.lease());
            int dropped = 0;
            for (Long id : lost) {
                // a row finished meanwhile is gone already; only a row still queued here is dropped
                if (held.remove(id, snapshot.get(id))) {
                    dropped++;
                }
            }
            if (dropped > 0) {
                log.debug("outbox sender {}: {} held rows are no longer leased here", owner, dropped);
            }
        } catch (RuntimeException e) {
            // Nothing lost: the leases run out and the rows are sent by whoever claims them next.
            log.warn("outbox sender {}: renewing leases failed: {}", owner, e.getClass().getName());
        }
    }

    private void refreshGauge() {
        long now = System.nanoTime();
        if (now - nextGaugeRefresh >= 0) {
            metrics.pending(store.countUnsent());
            metrics.broadcastPending(store.countUnsentWithReference(BROADCAST_REFERENCE_PREFIX));
            nextGaugeRefresh = now + properties.pendingGaugeRefresh().toNanos();
        }
    }

    private void dispatch(ClaimedRow row) {
        // Claimed again after its lease ran out while it was still queued here: that queued copy sends it.
        if (held.putIfAbsent(row.id(), row) == null) {
            submit(row, 0);
        }
    }

    private void submit(ClaimedRow row, long delayNanos) {
        try {
            if (delayNanos <= 0) {
                senders.execute(() -> process(row));
            } else {
                senders.schedule(() -> process(row), delayNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the row stays held and its lease is handed back by stop().
        }
    }

    private void process(ClaimedRow row) {
        // A row dropped from memory (its lease was lost) must not be sent from here.
        if (!running || held.get(row.id()) != row) {
            return;
        }
        try {
            Attempt attempt = gateway.attempt(row.message(), row.attempts());
            if (attempt instanceof Attempt.Wait wait) {
                waitOrHandBack(row, wait.duration());
            } else if (attempt instanceof Attempt.Retry retry) {
                boolean failure = retry.result() instanceof SendResult.Transient;
                store.reschedule(row, store.now().plus(retry.after()), failure, reason(retry.result()), owner);
                held.remove(row.id());
            } else {
                complete(row, ((Attempt.Done) attempt).result());
            }
        } catch (RuntimeException e) {
            // Database trouble: drop the row from memory; its lease runs out and it is sent again then.
            held.remove(row.id());
            log.error("outbox sender {}: row {} could not be processed: {}", owner, row.id(), e.getClass().getName());
        }
    }

    private void waitOrHandBack(ClaimedRow row, Duration wait) {
        if (wait.compareTo(properties.maxInMemoryWait()) <= 0) {
            submit(row, wait.toNanos());
        } else {
            store.reschedule(row, store.now().plus(wait), false, null, owner);
            held.remove(row.id());
        }
    }

    private void complete(ClaimedRow row, SendResult result) {
        String status;
        Long messageId = null;
        int attempts = row.attempts();
        if (result instanceof SendResult.Ok ok) {
            status = OutboxStore.SENT;
            messageId = ok.messageId();
        } else if (result instanceof SendResult.Unreachable) {
            status = OutboxStore.UNREACHABLE;
        } else {
            status = OutboxStore.FAILED;
            if (result instanceof SendResult.Transient) {
                attempts++;
            }
        }
        finished.add(new Finished(new OutboxStore.Outcome(row, status, attempts, messageId, reason(result)), result));
        if (finishQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::finishWaiting);
            } catch (RejectedExecutionException stopping) {
                finishQueued.set(false); // stop() stores what is waiting
            }
        }
    }

    /** Stores every outcome waiting, in one transaction, then tells the listeners and sends the chats' next rows. */
    private void finishWaiting() {
        finishQueued.set(false);
        List<Finished> batch = new ArrayList<>();
        for (Finished f; (f = finished.poll()) != null; ) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<ClaimedRow> next;
        try {
            next = store.finishAll(batch.stream().map(Finished::outcome).toList(), owner, properties.lease(), running);
        } catch (RuntimeException e) {
            // Database trouble: drop the rows from memory; their leases run out and they are sent again then.
            batch.forEach(f -> held.remove(f.outcome().row().id()));
            log.error("outbox sender {}: the outcome of {} rows could not be stored: {}", owner, batch.size(),
                    e.getClass().getName());
            return;
        }
        for (Finished f : batch) {
            held.remove(f.outcome().row().id());
            notifyListeners(f.outcome().row(), f.result());
        }
        metrics.claimed("next", next.size());
        next.forEach(this::dispatch);
        if (!woken.isEmpty()) {
            triggerClaim(); // room was made
        }
    }

    private record Finished(OutboxStore.Outcome outcome, SendResult result) {
    }

    private void notifyListeners(ClaimedRow row, SendResult result) {
        for (DeliveryListener listener : listeners) {
            try {
                listener.delivered(row.id(), row.reference(), row.message(), result);
            } catch (RuntimeException e) {
                log.warn("delivery listener {} failed for outbox row {}: {}",
                        listener.getClass().getName(), row.id(), e.getClass().getName());
            }
        }
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.Transient t) {
            return "transient: " + t.reason();
        }
        if (result instanceof SendResult.Rejected r) {
            return "rejected: " + r.reason();
        }
        if (result instanceof SendResult.Unreachable u) {
            return "unreachable: " + u.reason();
        }
        if (result instanceof SendResult.RetryAfter r) {
            return "retry after " + r.seconds() + " s";
        }
        return null;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String defaultOwner() {
        String host = System.getenv("HOSTNAME");
        host = host == null || host.isBlank() ? "host" : host;
        String id = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 64 ? id : id.substring(id.length() - 64);
    }
}

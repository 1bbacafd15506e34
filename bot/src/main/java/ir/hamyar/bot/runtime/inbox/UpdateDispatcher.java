package ir.hamyar.bot.runtime.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundReceiver;
import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.bot.runtime.RuntimeStatus;
import ir.hamyar.bot.runtime.conversation.UpdateProcessor;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Schedules stored updates on a fixed pool of workers. A chat is handled by one worker at a time (in memory
 * here, and by the conversation row lock across instances); different chats run in parallel. Chats with new
 * updates wait in one queue; a worker takes the first and, when more are waiting, up to
 * {@code batch-chats} of them, and applies them in one transaction (group commit: under load the cost of a
 * commit and of each statement is shared by the batch, while a lone update is applied at once on its own).
 * A sweep picks up what was stored but not scheduled: updates left by a crash, received by another instance,
 * or whose chat was locked elsewhere when signalled.
 *
 * <p>The chats of one delivery (a getUpdates answer) enter the queue as one group, which wakes one worker. Queued
 * one by one, each chat woke an idle worker, and the first one woken applied its chat alone while the next took the
 * rest: two transactions where one does.
 */
@Component
class UpdateDispatcher implements InboundReceiver, RuntimeStatus, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final InboxStore inbox;
    private final UpdateProcessor processor;
    private final RuntimeProperties properties;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Groups of chats to apply, oldest first; a group is never larger than {@code batch-chats}. */
    private final BlockingDeque<List<String>> ready = new LinkedBlockingDeque<>();
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService sweeper;
    private volatile ScheduledFuture<?> sweeping;
    private final Map<Platform, Counter> received = new EnumMap<>(Platform.class);
    private volatile boolean running;

    UpdateDispatcher(InboxStore inbox, UpdateProcessor processor, RuntimeProperties properties, MeterRegistry meters) {
        this.inbox = inbox;
        this.processor = processor;
        this.properties = properties;
        Gauge.builder("hamyar.updates.active_chats", active, Set::size).register(meters);
        for (Platform p : Platform.values()) {
            received.put(p, Counter.builder("hamyar.updates.received").description("updates received and stored")
                    .tag("platform", p.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    @Override
    public void receive(List<Inbound> updates) {
        Set<String> chats = inbox.store(updates);
        for (Inbound u : updates) {
            received.get(u.platform()).increment();
        }
        if (running) {
            signal(chats);
        }
    }

    void signal(Collection<String> chatKeys) {
        ExecutorService pool = workers;
        if (pool == null || pool.isShutdown()) {
            return;
        }
        int most = Math.max(1, properties.batchChats());
        List<String> group = new ArrayList<>(Math.min(most, chatKeys.size()));
        for (String key : chatKeys) {
            if (!active.add(key)) {
                dirty.add(key); // its worker schedules it again when done
                continue;
            }
            group.add(key);
            if (group.size() == most) {
                ready.add(group);
                group = new ArrayList<>();
            }
        }
        if (!group.isEmpty()) {
            ready.add(group);
        }
    }

    /** A worker's life: take waiting chats, apply them, hand back those that may have more. */
    private void work() {
        int most = Math.max(1, properties.batchChats());
        List<String> batch = new ArrayList<>(most);
        List<String> again = new ArrayList<>(most);
        while (running) {
            List<String> first;
            try {
                first = ready.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.addAll(first);
            for (List<String> more; batch.size() < most && (more = ready.pollFirst()) != null; ) {
                int room = most - batch.size();
                if (more.size() > room) {
                    batch.addAll(more.subList(0, room));
                    ready.offerFirst(new ArrayList<>(more.subList(room, more.size())));
                } else {
                    batch.addAll(more);
                }
            }
            Map<String, UpdateProcessor.Result> results = Map.of();
            try {
                results = processor.processBatch(batch, Math.max(1, properties.batchPerChat()));
            } catch (RuntimeException e) {
                log.error("Worker error on a batch of chats; the sweep will retry them: {}", e.getClass().getName());
            } finally {
                again.clear();
                for (String key : batch) {
                    active.remove(key);
                    // Not rescheduled when held elsewhere or the database is away: the sweep retries those.
                    if (dirty.remove(key) || results.get(key) == UpdateProcessor.Result.PROCESSED) {
                        again.add(key);
                    }
                }
                signal(again);
            }
        }
    }

    private void sweep() {
        try {
            List<String> chats = inbox.chatsWithPending(500);
            signal(chats.stream().filter(k -> !active.contains(k)).toList());
        } catch (RuntimeException e) {
            log.warn("Inbox sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "hamyar-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamyar-inbox-sweep");
            t.setDaemon(true);
            return t;
        });
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            workers.execute(this::work);
        }
        long every = properties.sweepInterval().toMillis();
        sweeping = sweeper.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean workersAlive() {
        ExecutorService pool = workers;
        ScheduledFuture<?> sweep = sweeping;
        return running && pool != null && !pool.isShutdown() && sweep != null && !sweep.isDone();
    }

    @Override
    public long inboxBacklog() {
        return inbox.pendingCount();
    }

    @Override
    public void stop() {
        running = false;
        sweeper.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        // What was queued stays pending in the inbox; a restart's sweep finds it.
        ready.clear();
        active.clear();
        dirty.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Workers start after the outbound sender and stop before it, so replies of in-flight updates still go out. */
    @Override
    public int getPhase() {
        return ir.hamyar.bot.runtime.outbound.OutboxSender.PHASE + 100;
    }
}

package ir.hamyar.bot.runtime.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.TransactionSettings;
import ir.hamyar.bot.runtime.inbox.InboxStore;
import ir.hamyar.bot.runtime.outbound.Outbox;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Applies pending updates in transactions: lock the chat (its conversation row), route the update, save the
 * state, write the replies to the outbox, mark the update done. Replies are sent only after commit (the
 * outbox's after-commit hook): no network call inside the transaction.
 *
 * <p>Under load, one transaction applies the pending updates of several chats ({@link #processBatch}): the
 * locks, state saves, outbox rows and done marks of the whole batch are one statement each, and one commit
 * (one WAL flush) covers them all. That group commit is what lets the bot go faster than one fsync'd commit
 * and a dozen round trips per update allow. Any failure rolls the whole batch back and its chats are applied
 * again one update per transaction ({@link #processNext}), which isolates a failing update and counts its
 * attempts as before; nothing of a rolled-back batch has left the database.
 */
@Component
public class UpdateProcessor {

    /**
     * PROCESSED: updates were applied and more may be pending; DRAINED: updates were applied and no more were
     * pending when they were read (a later one signals the chat again).
     */
    public enum Result { PROCESSED, DRAINED, NOTHING_PENDING, LOCKED_ELSEWHERE, RETRY_LATER }

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

    private final TransactionTemplate tx;
    private final ConversationStore conversations;
    private final InboxStore inbox;
    private final ConversationEngine engine;
    private final ReplyRenderer renderer;
    private final Outbox outbox;
    private final Clock clock;
    private final RuntimeProperties properties;
    private final TransactionSettings settings;
    private final Timer latency;
    private final Counter batches;
    private final DistributionSummary batchSize;
    private final Map<Platform, Counter> processed = new EnumMap<>(Platform.class);
    private final Map<Platform, Counter> failed = new EnumMap<>(Platform.class);

    UpdateProcessor(TransactionTemplate tx, ConversationStore conversations, InboxStore inbox, ConversationEngine engine,
                    ReplyRenderer renderer, Outbox outbox, Clock clock, RuntimeProperties properties,
                    TransactionSettings settings, MeterRegistry meters) {
        this.tx = tx;
        this.conversations = conversations;
        this.inbox = inbox;
        this.engine = engine;
        this.renderer = renderer;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.settings = settings;
        this.latency = Timer.builder("hamyar.updates.latency")
                .description("time to apply one update, lock to commit").publishPercentileHistogram().register(meters);
        this.batches = Counter.builder("hamyar.updates.batches")
                .description("transactions that applied the updates of one or more chats (group commit)").register(meters);
        this.batchSize = DistributionSummary.builder("hamyar.updates.batch_size")
                .description("updates applied by one batch transaction").register(meters);
        for (Platform p : Platform.values()) {
            String tag = p.name().toLowerCase(Locale.ROOT);
            processed.put(p, Counter.builder("hamyar.updates.processed").tag("platform", tag).register(meters));
            failed.put(p, Counter.builder("hamyar.updates.failed").tag("platform", tag).register(meters));
        }
    }

    /**
     * Applies up to {@code perChat} pending updates of each given chat in one transaction; falls back to one
     * update per transaction when the batch fails. Returns each chat's result (see {@link Result}).
     */
    public Map<String, Result> processBatch(List<String> chatKeys, int perChat) {
        long started = System.nanoTime();
        try {
            Batch batch = Objects.requireNonNull(tx.execute(status -> {
                Batch b = applyBatch(chatKeys, perChat, status);
                if (b.stale) {
                    status.setRollbackOnly();
                }
                return b;
            }));
            if (!batch.stale) {
                if (batch.updates > 0) {
                    batches.increment();
                    batchSize.record(batch.updates);
                }
                batch.applied.forEach((platform, n) -> processed.get(platform).increment(n));
                long perUpdate = (System.nanoTime() - started) / Math.max(1, batch.updates);
                for (int i = 0; i < batch.updates; i++) {
                    latency.record(Duration.ofNanos(perUpdate));
                }
                return batch.results;
            }
        } catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException e) {
            if (!(e instanceof org.springframework.dao.PessimisticLockingFailureException)) {
                log.warn("Database unavailable while applying a batch of updates; will retry: {}",
                        e.getClass().getSimpleName());
                Map<String, Result> retry = new LinkedHashMap<>();
                chatKeys.forEach(k -> retry.put(k, Result.RETRY_LATER));
                return retry;
            }
            log.info("A batch of updates met a lock conflict; applying its chats one by one");
        } catch (RuntimeException e) {
            log.info("A batch of updates failed ({}); applying its chats one by one", e.getClass().getSimpleName());
        }
        return oneByOne(chatKeys, perChat);
    }

    private Map<String, Result> oneByOne(List<String> chatKeys, int perChat) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (String key : chatKeys) {
            Result last = Result.PROCESSED;
            for (int i = 0; i < perChat; i++) {
                Result r = processNext(key);
                if (r != Result.PROCESSED) {
                    last = i > 0 && r == Result.NOTHING_PENDING ? Result.DRAINED : r;
                    break;
                }
            }
            results.put(key, last);
        }
        return results;
    }

    /** What one batch transaction did. */
    private static final class Batch {
        final Map<String, Result> results = new LinkedHashMap<>();
        final Map<Platform, Integer> applied = new EnumMap<>(Platform.class);
        int updates;
        boolean stale;
    }

    private Batch applyBatch(List<String> chatKeys, int perChat, TransactionStatus status) {
        Batch batch = new Batch();
        // The batch's own statements, up to and with the guards' reads, run with generic plans (see TransactionSettings):
        // planned once per connection instead of at every batch.
        settings.genericPlans();
        Map<String, ConversationState> locked = conversations.lockAll(chatKeys);
        for (String key : chatKeys) {
            batch.results.put(key, locked.containsKey(key) ? Result.NOTHING_PENDING : Result.LOCKED_ELSEWHERE);
        }
        if (locked.isEmpty()) {
            return batch;
        }
        Map<String, ConversationState> states = new LinkedHashMap<>(locked);
        Map<String, ConversationState> changed = new LinkedHashMap<>();
        List<OutboundMessage> messages = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Instant now = clock.instant();
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<InboxStore.Pending> pending = inbox.pendingOf(locked.keySet(), perChat);
        // Marked done before they are applied (the same transaction: a failure undoes both). One of them applied
        // already by whoever held its chat before: nothing of this batch may stay, and nothing of it is applied.
        if (!inbox.markAllDone(pending.stream().map(InboxStore.Pending::id).toList())) {
            batch.stale = true;
            return batch;
        }
        List<Inbound> inbounds = pending.stream().map(InboxStore.Pending::inbound).toList();
        try {
            engine.prepare(inbounds);
            settings.defaultPlans(); // the flows' statements: the server's own choice
            applyEach(pending, inbounds, states, changed, messages, ids, counts, now, perChat, batch, status);
        } finally {
            engine.batchDone();
        }
        changed.entrySet().removeIf(e -> e.getValue().equals(locked.get(e.getKey())));
        settings.genericPlans(); // the batch's own statements again: states, outbox rows and their claim
        conversations.saveAll(changed, now);
        if (!messages.isEmpty()) {
            outbox.enqueue(messages, null);
        }
        batch.updates = ids.size();
        return batch;
    }

    private void applyEach(List<InboxStore.Pending> pending, List<Inbound> inbounds,
                           Map<String, ConversationState> states, Map<String, ConversationState> changed,
                           List<OutboundMessage> messages, List<Long> ids, Map<String, Integer> counts, Instant now,
                           int perChat, Batch batch, TransactionStatus status) {
        for (int i = 0; i < pending.size(); i++) {
            InboxStore.Pending p = pending.get(i);
            Inbound in = inbounds.get(i);
            ConversationState before = states.get(p.chatKey());
            ConversationEngine.Outcome outcome = engine.handle(in, before, now);
            // What this update changed through JPA goes to the database now, as its own commit would have: the
            // next update (of this chat or another) may read it with plain SQL.
            status.flush();
            if (!outcome.state().equals(before)) {
                states.put(p.chatKey(), outcome.state());
                changed.put(p.chatKey(), outcome.state());
            }
            messages.addAll(render(in.chat(), engine.localeOf(outcome.state()), outcome.replies()));
            ids.add(p.id());
            int n = counts.merge(p.chatKey(), 1, Integer::sum);
            batch.results.put(p.chatKey(), n < perChat ? Result.DRAINED : Result.PROCESSED);
            batch.applied.merge(in.platform(), 1, Integer::sum);
        }
    }

    public Result processNext(String chatKey) {
        long[] failedId = {0};
        long started = System.nanoTime();
        try {
            return Objects.requireNonNull(tx.execute(status -> {
                ConversationStore.Locked locked = conversations.lockWithNextUpdate(chatKey);
                if (locked == null) {
                    return Result.LOCKED_ELSEWHERE;
                }
                if (locked.nextUpdateId() == null) {
                    return Result.NOTHING_PENDING;
                }
                failedId[0] = locked.nextUpdateId();
                Inbound in = InboxStore.fromJson(locked.nextPayload());
                Instant now = clock.instant();
                ConversationEngine.Outcome outcome = engine.handle(in, locked.state(), now);
                if (!outcome.state().equals(locked.state())) {
                    conversations.save(chatKey, outcome.state(), now);
                }
                send(in.chat(), engine.localeOf(outcome.state()), outcome.replies());
                if (!inbox.markDone(locked.nextUpdateId())) {
                    // Applied already (by whoever held the chat before): nothing of this run may stay.
                    status.setRollbackOnly();
                    return Result.PROCESSED;
                }
                processed.get(in.platform()).increment();
                return Result.PROCESSED;
            }));
        } catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException e) {
            log.warn("Database unavailable while applying an update of a chat; will retry: {}", e.getClass().getSimpleName());
            return Result.RETRY_LATER;
        } catch (RuntimeException e) {
            failed.get(ChatRef.ofKey(chatKey).platform()).increment();
            log.error("Applying update {} failed; rolled back", failedId[0], Sanitized.of(e));
            return recordFailure(chatKey, failedId[0]);
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** After a rollback: count the failure; when the update is given up, apologise and reset the chat. */
    private Result recordFailure(String chatKey, long updateId) {
        if (updateId == 0) {
            return Result.RETRY_LATER;
        }
        try {
            tx.executeWithoutResult(status -> {
                conversations.lock(chatKey);
                if (inbox.recordFailure(updateId, properties.maxAttempts())) {
                    ChatRef chat = ChatRef.ofKey(chatKey);
                    conversations.save(chatKey, ConversationState.IDLE.withLocale(
                            conversations.localeOf(chatKey)), clock.instant());
                    if (chat.chatId() > 0) {
                        send(chat, Texts.localeOf(conversations.localeOf(chatKey)),
                                List.of(Reply.text(Text.of("runtime.error_generic"), engine.mainMenu())));
                    }
                }
            });
            return Result.PROCESSED;
        } catch (RuntimeException e) {
            log.warn("Could not record a failed update; will retry: {}", e.getClass().getSimpleName());
            return Result.RETRY_LATER;
        }
    }

    void send(ChatRef origin, Locale locale, List<Reply> replies) {
        if (!replies.isEmpty()) {
            outbox.enqueue(render(origin, locale, replies), null);
        }
    }

    private List<OutboundMessage> render(ChatRef origin, Locale locale, List<Reply> replies) {
        List<OutboundMessage> messages = new ArrayList<>(replies.size());
        for (Reply r : replies) {
            if (r.chat() == null || r.chat().equals(origin)) {
                messages.add(renderer.render(r, origin, locale));
            } else {
                messages.add(renderer.render(r, r.chat(), Texts.localeOf(conversations.localeOf(r.chat().key()))));
            }
        }
        return messages;
    }

    /** Logs the type and stack of a failure without its message, which may quote personal data. */
    static final class Sanitized extends RuntimeException {
        private Sanitized(Throwable original) {
            super(original.getClass().getName(), original.getCause() == null ? null : of(original.getCause()), false, true);
            setStackTrace(original.getStackTrace());
        }

        static Sanitized of(Throwable t) {
            return new Sanitized(t);
        }
    }
}

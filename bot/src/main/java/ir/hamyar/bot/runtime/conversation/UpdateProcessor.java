package ir.hamyar.bot.runtime.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.bot.runtime.Text;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the next pending update of one chat in one transaction: lock the chat (its conversation row),
 * route the update, save the state, write the replies to the outbox, mark the update done. Replies are sent
 * only after commit (the outbox's after-commit hook): no network call inside the transaction.
 */
@Component
public class UpdateProcessor {

    public enum Result { PROCESSED, NOTHING_PENDING, LOCKED_ELSEWHERE, RETRY_LATER }

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

    private final TransactionTemplate tx;
    private final ConversationStore conversations;
    private final InboxStore inbox;
    private final ConversationEngine engine;
    private final ReplyRenderer renderer;
    private final Outbox outbox;
    private final Clock clock;
    private final RuntimeProperties properties;
    private final Timer latency;
    private final Map<Platform, Counter> processed = new EnumMap<>(Platform.class);
    private final Map<Platform, Counter> failed = new EnumMap<>(Platform.class);

    UpdateProcessor(TransactionTemplate tx, ConversationStore conversations, InboxStore inbox, ConversationEngine engine,
                    ReplyRenderer renderer, Outbox outbox, Clock clock, RuntimeProperties properties, MeterRegistry meters) {
        this.tx = tx;
        this.conversations = conversations;
        this.inbox = inbox;
        this.engine = engine;
        this.renderer = renderer;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.latency = Timer.builder("hamyar.updates.latency")
                .description("time to apply one update, lock to commit").publishPercentileHistogram().register(meters);
        for (Platform p : Platform.values()) {
            String tag = p.name().toLowerCase(Locale.ROOT);
            processed.put(p, Counter.builder("hamyar.updates.processed").tag("platform", tag).register(meters));
            failed.put(p, Counter.builder("hamyar.updates.failed").tag("platform", tag).register(meters));
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
        if (replies.isEmpty()) {
            return;
        }
        List<OutboundMessage> messages = new ArrayList<>(replies.size());
        for (Reply r : replies) {
            if (r.chat() == null || r.chat().equals(origin)) {
                messages.add(renderer.render(r, origin, locale));
            } else {
                messages.add(renderer.render(r, r.chat(), Texts.localeOf(conversations.localeOf(r.chat().key()))));
            }
        }
        outbox.enqueue(messages, null);
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

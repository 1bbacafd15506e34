package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.OutboundMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The durable outbox: messages are written in the transaction that decides them and sent only after it
 * commits (a rollback sends nothing; a crash after commit loses nothing). Right after commit the new rows
 * are handed to the {@link OutboxSender}, so a reply does not wait for the next poll.
 *
 * <p>The new rows that head their chat's queue are claimed (leased to this instance's sender) by the same
 * transaction that writes them, so after commit they go straight to a sender thread. Claimed after commit instead,
 * each reply waited for a claim transaction of its own on the sender's one claiming thread: in the load benchmark at
 * 1,000 updates/s that wait was most of the time from a reply written to a reply sent (p50 20–80 ms). The claim is
 * the same statement either way, with the same ordering rule; a crash between commit and send leaves the rows
 * leased until their lease runs out, as for any row claimed and not yet sent.
 */
@Component
public class Outbox {

    /** Longest {@code reference} the table holds. */
    public static final int MAX_REFERENCE = 64;

    /**
     * At most this many rows written at once are claimed in the writing transaction (replies, alerts); more (a
     * broadcast's rows) are claimed after commit at the sender's pace.
     */
    private static final int MAX_CLAIMED_WHEN_WRITTEN = 100;

    private final OutboxStore store;
    private final OutboxSender sender;

    Outbox(OutboxStore store, OutboxSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /**
     * Stores messages to be sent after the caller's transaction commits, in this order. Texts over the Bot
     * API's limit are split here into several rows (the keyboard goes with the last part).
     *
     * @param reference optional tag the caller chooses (e.g. {@code alert:42}, {@code broadcast:7}), handed back
     *                  to {@link DeliveryListener}s; at most {@value #MAX_REFERENCE} characters
     * @return the ids of the rows written, in sending order (a split text has one row per part)
     * @throws IllegalStateException when called outside a transaction
     */
    public List<Long> enqueue(List<OutboundMessage> messages, String reference) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Outbox.enqueue must run inside the caller's transaction");
        }
        Objects.requireNonNull(messages, "messages");
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("reference longer than " + MAX_REFERENCE + " characters");
        }
        List<OutboundMessage> rows = new ArrayList<>();
        for (OutboundMessage m : messages) {
            Objects.requireNonNull(m, "message");
            Objects.requireNonNull(m.op(), "op");
            Objects.requireNonNull(m.platform(), "platform");
            rows.addAll(MessageSplitter.split(m));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = store.insert(rows, reference);
        List<ClaimedRow> claimed = ids.size() <= MAX_CLAIMED_WHEN_WRITTEN && sender.takesWritten(ids.size())
                ? store.claimWritten(ids, sender.owner(), sender.lease()) : List.of();
        Set<Long> taken = claimed.stream().map(ClaimedRow::id).collect(Collectors.toSet());
        List<Long> others = ids.stream().filter(id -> !taken.contains(id)).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (!claimed.isEmpty()) {
                    sender.sendWritten(claimed);
                }
                if (!others.isEmpty()) {
                    // not the head of their chat when written, which may have changed by now (see OutboxSender)
                    sender.wake(others);
                }
            }
        });
        return ids;
    }

    /** One message; see {@link #enqueue(List, String)}. */
    public List<Long> enqueue(OutboundMessage message, String reference) {
        return enqueue(List.of(message), reference);
    }
}

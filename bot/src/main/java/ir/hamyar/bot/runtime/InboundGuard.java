package ir.hamyar.bot.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Checked before any flow or handler sees a private-chat input (after /cancel and /help): e.g. a suspended
 * member may use only a few commands, a member must accept new terms first. Returning replies stops the
 * input there.
 */
public interface InboundGuard {

    /**
     * @param command the command the input amounts to (typed or from the menu), or null
     * @param flow    the id of the active flow, or null
     */
    Optional<List<Reply>> check(Inbound input, Session session, String command, String flow);

    /**
     * A batch of inputs is about to be applied in one transaction, in this order, on this thread: a guard may read
     * what it needs for all of them at once. What it reads may serve each sender's first input of the batch only;
     * a later input of the same sender comes after that sender's own earlier ones may have changed it. Inputs of
     * other senders earlier in the batch are not waited for: they run in other chats, whose order relative to this
     * one is not defined anyway. {@link #batchDone()} follows, also when the batch fails.
     *
     * <p>On PostgreSQL this runs with generic plans ({@link TransactionSettings#genericPlans()}), like the batch's own
     * statements: read by key (a primary key or unique index), with a plan test when the statement takes a list.
     */
    default void prepare(List<Inbound> batch) {
    }

    /** The batch announced by {@link #prepare} is over: forget what was read for it. */
    default void batchDone() {
    }
}

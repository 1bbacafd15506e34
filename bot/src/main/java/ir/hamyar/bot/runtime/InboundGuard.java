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
}

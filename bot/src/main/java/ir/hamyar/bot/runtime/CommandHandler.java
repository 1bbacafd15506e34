package ir.hamyar.bot.runtime;

import java.util.List;
import java.util.Set;

/** A stateless command (e.g. {@code /track R-7K4M2}): answers at once, no conversation state. */
public interface CommandHandler {

    /** Command words without slash, lower case. */
    Set<String> commands();

    /** Whether the command is also accepted in group chats (default: private chats only). */
    default boolean inGroups() {
        return false;
    }

    List<Reply> handle(Inbound command, Session session);
}

package ir.hamyar.bot.runtime;

import java.util.List;

/** Told when the bot is added to or removed from a chat ({@link Inbound.Kind#MEMBERSHIP}). */
public interface ChatEventHandler {

    List<Reply> membershipChanged(Inbound event, Session session);
}

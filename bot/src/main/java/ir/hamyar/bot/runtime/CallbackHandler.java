package ir.hamyar.bot.runtime;

import java.util.List;

/**
 * Handles inline-button presses whose data starts with {@link #prefix()} followed by ':' (e.g.
 * {@code rep:ack:123}). Callback data is untrusted input: re-authorise who presses, on what, in which state,
 * against the database. The engine answers the callback query if the handler does not.
 */
public interface CallbackHandler {

    String prefix();

    List<Reply> handle(Inbound callback, Session session);
}

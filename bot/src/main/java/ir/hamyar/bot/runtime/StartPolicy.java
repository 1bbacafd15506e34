package ir.hamyar.bot.runtime;

import java.util.Optional;

/**
 * Decides what {@code /start} does for a speaker: begin a flow (e.g. registration for a newcomer, with the
 * deep-link argument available in {@link Inbound#commandArgument()}), or the greeting and main menu.
 */
public interface StartPolicy {

    /** The id of the flow to begin, or empty for the greeting and main menu. */
    Optional<String> flowOnStart(Inbound start, Session session);
}

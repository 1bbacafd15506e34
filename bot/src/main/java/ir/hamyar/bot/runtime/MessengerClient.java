package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;

/**
 * Talks to one messenger's Bot API. Implemented by the Telegram adapter (for Telegram and for Bale);
 * the runtime never sees the library behind it. Implementations do no rate limiting and no retries:
 * they make one call and say what happened.
 */
public interface MessengerClient {

    Platform platform();

    SendResult execute(OutboundMessage message);

    /** What one call to the messenger came to. */
    sealed interface SendResult {

        /** Done; {@code messageId} of the sent message where there is one. */
        record Ok(Long messageId) implements SendResult {
        }

        /** 429: the whole bot must wait this long before its next call. */
        record RetryAfter(int seconds) implements SendResult {
        }

        /** 403 and the like: the bot was blocked, kicked, or the chat is gone. Not retried. */
        record Unreachable(String reason) implements SendResult {
        }

        /** 5xx, timeout, connection trouble: retry with back-off. */
        record Transient(String reason) implements SendResult {
        }

        /** 400 and the like: the request itself is wrong (e.g. message not modified). Not retried. */
        record Rejected(String reason) implements SendResult {
        }
    }
}

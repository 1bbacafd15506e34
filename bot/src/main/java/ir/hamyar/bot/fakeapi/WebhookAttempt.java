package ir.hamyar.bot.fakeapi;

import java.time.Instant;

/** One POST of an update to the bot's webhook and the status it got ({@code 0}: no HTTP answer at all). */
public record WebhookAttempt(int updateId, int status, Instant at) {
}

package ir.hamyar.bot.fakeapi;

import java.time.Instant;

/**
 * One API request the fake received: the method (lower-cased), its chat_id if any, when it arrived and the HTTP
 * status it was answered with ({@code 0} when the connection was dropped on purpose).
 */
public record Call(String method, Long chatId, Instant at, int status) {
}

package ir.hamyar.bot.fakeapi;

import java.time.Instant;

/**
 * One API request the fake received: the method (lower-cased), its chat_id if any, when it arrived, the HTTP
 * status it was answered with ({@code 0} when the connection was dropped on purpose) and the client's port (one
 * per connection: calls from the same port reused a connection).
 */
public record Call(String method, Long chatId, Instant at, int status, int clientPort) {
}

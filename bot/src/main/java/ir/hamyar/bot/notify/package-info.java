/**
 * Domain events → messages to the right chats. Listeners here are {@code @ApplicationModuleListener}s with
 * explicit ids: Spring Modulith's JDBC event publication registry records each event with its listeners in
 * the transaction that publishes it, so an event committed is delivered even if the process dies right after.
 */
package ir.hamyar.bot.notify;

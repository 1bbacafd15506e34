/**
 * An in-process fake of the Telegram Bot API (and of Bale's Telegram-compatible API): an HTTP server the real
 * TelegramBots client talks to, plus a control side to inject updates, read what the bot sent and inject faults.
 * It backs the end-to-end tests and the zero-setup sandbox. It never touches {@code org.telegram}: it speaks JSON.
 */
package ir.hamyar.bot.fakeapi;

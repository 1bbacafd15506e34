package ir.hamyar.bot.fakeapi;

import java.time.Instant;

/** An {@code answerCallbackQuery} the bot made. */
public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert, String url, Instant at) {
}

package ir.hamyar.bot.fakeapi;

/** One inline keyboard button as the bot sent it; {@code callbackData} or {@code url} may be null. */
public record InlineButton(String label, String callbackData, String url) {
}

package ir.hamyar.bot.fakeapi;

/** One reply keyboard button as the bot sent it. */
public record ReplyButton(String label, boolean requestContact, boolean requestLocation) {
}

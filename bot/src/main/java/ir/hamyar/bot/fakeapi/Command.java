package ir.hamyar.bot.fakeapi;

/** One entry of {@code setMyCommands}. */
public record Command(String command, String description) {
}

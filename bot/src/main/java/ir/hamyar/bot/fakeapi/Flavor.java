package ir.hamyar.bot.fakeapi;

/** Which messenger a fake bot imitates; Bale differs from Telegram in a few observable ways. */
public enum Flavor {
    TELEGRAM,
    /** Bale: {@code editMessageText} answers {@code true} by default, all-digit contact phones arrive as numbers. */
    BALE
}

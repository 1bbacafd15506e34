package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;

/** A chat on one messenger. {@link #key()} is the compact form used as a database key and lock. */
public record ChatRef(Platform platform, long chatId) {

    public String key() {
        return platform.code() + ":" + chatId;
    }

    public static ChatRef ofKey(String key) {
        int colon = key.indexOf(':');
        return new ChatRef(Platform.ofCode(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1)));
    }
}

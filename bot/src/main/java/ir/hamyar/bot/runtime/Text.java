package ir.hamyar.bot.runtime;

import java.util.List;

/**
 * A text to show, by key in the {@code messages} bundles, with its arguments. Arguments are values
 * (numbers, dates, names), never sentences; {@link Text} arguments are rendered first in the same locale.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }
}

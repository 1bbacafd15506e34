package ir.hamyar.bot.admin.console;

import java.util.Optional;

/** Ids in callback data: ASCII digits only, at most 18, never signed or padded; anything else is a forgery. */
final class Ids {

    private Ids() {
    }

    static Optional<Long> parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }
}

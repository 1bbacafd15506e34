package ir.hamyar.bot.admin.console;

import ir.hamyar.bot.runtime.Text;

import java.util.List;

/** Texts joined line by line, each rendered in the reader's language. */
final class Lines {

    private Lines() {
    }

    static Text of(List<Text> lines) {
        Text joined = null;
        for (Text line : lines) {
            joined = joined == null ? line : Text.of("admin.lines", joined, line);
        }
        return joined == null ? Text.of("common.raw", "") : joined;
    }
}

package ir.hamyar.bot.runtime;

import java.util.ArrayList;
import java.util.List;

/** An inline keyboard (under a message), a reply keyboard (replacing the user's keyboard), or its removal. */
public record Keyboard(Kind kind, List<List<Button>> rows) {

    public enum Kind { INLINE, REPLY, REMOVE }

    public static final Keyboard REMOVE = new Keyboard(Kind.REMOVE, List.of());

    public Keyboard {
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    public static Builder inline() {
        return new Builder(Kind.INLINE);
    }

    public static Builder reply() {
        return new Builder(Kind.REPLY);
    }

    public static final class Builder {
        private final Kind kind;
        private final List<List<Button>> rows = new ArrayList<>();

        private Builder(Kind kind) {
            this.kind = kind;
        }

        public Builder row(Button... buttons) {
            if (buttons.length > 0) {
                rows.add(List.of(buttons));
            }
            return this;
        }

        public Builder row(List<Button> buttons) {
            if (!buttons.isEmpty()) {
                rows.add(List.copyOf(buttons));
            }
            return this;
        }

        public Keyboard build() {
            return new Keyboard(kind, rows);
        }
    }
}

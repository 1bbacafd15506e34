package ir.hamyar.bot.admin;

/**
 * An entry of the {@code /admin} menu, contributed by a feature as a bean: shown to callers who may do
 * {@code action} somewhere; pressing it runs {@code command} exactly as if typed (its own checks included).
 *
 * @param labelKey message key of the button label
 * @param order    position in the menu (lower first)
 * @param command  the command (without slash)
 * @param action   what the caller must be allowed to do to see the entry
 */
public record AdminEntry(String labelKey, int order, String command, Action action) {
}

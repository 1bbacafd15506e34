package ir.hamyar.bot.runtime;

/**
 * A button of the main menu (a reply keyboard). Features contribute entries as beans; tapping one sends its
 * label as text, which the engine maps back to the feature's flow or command.
 *
 * @param labelKey message key of the label
 * @param order    position (lower first); two entries share a row when their orders share the same tens
 * @param command  the command it stands for (without slash), handled like the typed command
 */
public record MenuEntry(String labelKey, int order, String command) {
}

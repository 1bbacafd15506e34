package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;

import java.util.List;

/**
 * One received update, in messenger-neutral form. Flows see only this, never a platform type.
 *
 * @param kind           what arrived
 * @param messageId      the message this update is about (the pressed message for a callback), or null
 * @param text           message text or caption, raw (flows normalise what they parse)
 * @param callbackData   data of the pressed inline button (untrusted: re-authorise everything it names)
 * @param callbackId     id to answer the callback query with
 * @param photoFileIds   the largest size of each photo in the message
 * @param botMember      for {@link Kind#MEMBERSHIP}: whether the bot is now a member of the chat
 */
public record Inbound(
        Platform platform,
        long updateId,
        Kind kind,
        long chatId,
        ChatType chatType,
        String chatTitle,
        long userId,
        String userFirstName,
        String userLanguage,
        Integer messageId,
        String text,
        String callbackData,
        String callbackId,
        Contact contact,
        Location location,
        List<String> photoFileIds,
        Boolean botMember) {

    public enum Kind { MESSAGE, CALLBACK, MEMBERSHIP, UNSUPPORTED }

    /** A shared contact. {@code userId} is the messenger user the contact belongs to, if any. */
    public record Contact(String phoneNumber, Long userId, String firstName) {
    }

    public record Location(double latitude, double longitude) {
    }

    public Inbound {
        photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
    }

    /** Compiled once: String.split compiles its pattern on every call, and commands are parsed for every update. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s");

    public ChatRef chat() {
        return new ChatRef(platform, chatId);
    }

    /** The command word without slash and bot mention ({@code /start@hamyar_bot x} → {@code start}), or null. */
    public String command() {
        if (text == null || !text.startsWith("/")) {
            return null;
        }
        String word = WHITESPACE.split(text.substring(1), 2)[0];
        int at = word.indexOf('@');
        return (at >= 0 ? word.substring(0, at) : word).toLowerCase(java.util.Locale.ROOT);
    }

    /** Who the command is addressed to ({@code /link@hamyar_bot} → {@code hamyar_bot}), or null. */
    public String commandMention() {
        if (text == null || !text.startsWith("/")) {
            return null;
        }
        String word = WHITESPACE.split(text.substring(1), 2)[0];
        int at = word.indexOf('@');
        return at >= 0 ? word.substring(at + 1) : null;
    }

    /** Text after the command word, trimmed ({@code /start ref_abc} → {@code ref_abc}), or "". */
    public String commandArgument() {
        if (text == null || !text.startsWith("/")) {
            return "";
        }
        String[] parts = WHITESPACE.split(text, 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }
}

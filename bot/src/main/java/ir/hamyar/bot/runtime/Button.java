package ir.hamyar.bot.runtime;

import java.nio.charset.StandardCharsets;

/**
 * A keyboard button. Inline buttons carry callback data (an action and ids only, at most 64 bytes:
 * refused here, when the keyboard is built) or a URL; reply-keyboard buttons may request the user's
 * contact or location.
 */
public record Button(Text label, String callbackData, String url, Request request) {

    public static final int MAX_CALLBACK_BYTES = 64;

    /** Callback data of {@link #command(Text, String)} buttons. */
    public static final String COMMAND_PREFIX = "cmd:";

    public enum Request { NONE, CONTACT, LOCATION }

    public Button {
        if (callbackData != null && callbackData.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
            throw new IllegalArgumentException("callback data over " + MAX_CALLBACK_BYTES + " bytes: " + callbackData);
        }
        request = request == null ? Request.NONE : request;
    }

    public static Button callback(Text label, String data) {
        return new Button(label, data, null, Request.NONE);
    }

    /**
     * A button that runs a command as if typed (e.g. an entry of the {@code /admin} menu): the same guards and
     * the same handler, so a button never bypasses a check its command makes.
     */
    public static Button command(Text label, String command) {
        return callback(label, COMMAND_PREFIX + command);
    }

    public static Button url(Text label, String url) {
        return new Button(label, null, url, Request.NONE);
    }

    /** A reply-keyboard button that sends its label as text. */
    public static Button text(Text label) {
        return new Button(label, null, null, Request.NONE);
    }

    public static Button requestContact(Text label) {
        return new Button(label, null, null, Request.CONTACT);
    }

    public static Button requestLocation(Text label) {
        return new Button(label, null, null, Request.LOCATION);
    }
}

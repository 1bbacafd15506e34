package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.OutboundMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits messages into the Bot API's length limits before they are stored, so that each outbox row is exactly
 * one call: a text over 4,096 characters becomes several texts, cut at line ends where possible, with the
 * keyboard on the last part; a caption over 1,024 characters is sent as texts after the bare photo or file;
 * an edit or a callback notice, which cannot become several messages, is cut short.
 */
final class MessageSplitter {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_CALLBACK_NOTICE = 200;

    private MessageSplitter() {
    }

    static List<OutboundMessage> split(OutboundMessage m) {
        String text = m.text();
        if (text == null) {
            return List.of(m);
        }
        switch (m.op()) {
            case SEND_TEXT -> {
                if (text.length() <= MAX_TEXT) {
                    return List.of(m);
                }
                List<String> parts = parts(text, MAX_TEXT);
                List<OutboundMessage> out = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    out.add(m.withText(parts.get(i), i == parts.size() - 1 ? m.keyboard() : null));
                }
                return out;
            }
            case SEND_PHOTO, SEND_DOCUMENT -> {
                if (text.length() <= MAX_CAPTION) {
                    return List.of(m);
                }
                List<OutboundMessage> out = new ArrayList<>();
                out.add(m.withText(null, null));
                List<String> parts = parts(text, MAX_TEXT);
                for (int i = 0; i < parts.size(); i++) {
                    out.add(new OutboundMessage(OutboundMessage.Op.SEND_TEXT, m.platform(), m.chatId(), parts.get(i),
                            m.html(), i == parts.size() - 1 ? m.keyboard() : null, null, null, null, null, null));
                }
                return out;
            }
            case EDIT_TEXT -> {
                return text.length() <= MAX_TEXT ? List.of(m) : List.of(m.withText(parts(text, MAX_TEXT).get(0), m.keyboard()));
            }
            case ANSWER_CALLBACK -> {
                return text.length() <= MAX_CALLBACK_NOTICE ? List.of(m)
                        : List.of(m.withText(cut(text, MAX_CALLBACK_NOTICE), m.keyboard()));
            }
            default -> {
                return List.of(m);
            }
        }
    }

    /**
     * Cuts {@code text} into parts of at most {@code max} characters: at the last line end that fits, else at
     * the last space, else anywhere (never inside a surrogate pair). Blank parts are dropped.
     */
    static List<String> parts(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            int skip = 1;
            if (cut <= 0) {
                cut = lastWhitespace(rest, max);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                skip = 0;
            }
            addIfNotBlank(parts, rest.substring(0, cut));
            rest = rest.substring(cut + skip);
        }
        addIfNotBlank(parts, rest);
        if (parts.isEmpty()) {
            parts.add(cut(text, max));
        }
        return parts;
    }

    private static int lastWhitespace(String s, int max) {
        for (int i = Math.min(max, s.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static void addIfNotBlank(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part);
        }
    }
}

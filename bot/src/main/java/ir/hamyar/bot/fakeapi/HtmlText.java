package ir.hamyar.bot.fakeapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's HTML parse mode, strictly enough to catch escaping mistakes: only the supported tags, properly
 * nested, and every {@code <} must open or close one of them.
 */
final class HtmlText {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    private HtmlText() {
    }

    /** @throws ApiException 400 "can't parse entities" like Telegram */
    static void validate(String text) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '<') {
                i++;
                continue;
            }
            int close = text.indexOf('>', i);
            if (close < 0) {
                throw parseError("Unclosed start tag at byte offset " + i);
            }
            String inside = text.substring(i + 1, close);
            if (inside.startsWith("/")) {
                String name = inside.substring(1).trim().toLowerCase(Locale.ROOT);
                if (open.isEmpty()) {
                    throw parseError("Unexpected end tag at byte offset " + i);
                }
                if (!open.peek().equals(name)) {
                    throw parseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
                }
                open.pop();
            } else {
                String name = tagName(inside);
                if (name.isEmpty() || !TAGS.contains(name)) {
                    throw parseError("Unsupported start tag \"" + name + "\" at byte offset " + i);
                }
                open.push(name);
            }
            i = close + 1;
        }
        if (!open.isEmpty()) {
            throw parseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
    }

    /** The text a reader sees: tags removed, the four named entities and numeric entities decoded. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                int close = text.indexOf('>', i);
                if (close < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                i = close + 1;
            } else if (c == '&') {
                int semicolon = text.indexOf(';', i);
                String decoded = semicolon < 0 || semicolon - i > 10 ? null : entity(text.substring(i + 1, semicolon));
                if (decoded == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(decoded);
                    i = semicolon + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            default:
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        return Character.toString(Integer.parseInt(name.substring(2), 16));
                    }
                    if (name.startsWith("#")) {
                        return Character.toString(Integer.parseInt(name.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return null;
        }
    }

    private static String tagName(String inside) {
        int end = 0;
        while (end < inside.length() && (Character.isLetterOrDigit(inside.charAt(end)) || inside.charAt(end) == '-')) {
            end++;
        }
        return inside.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static ApiException parseError(String detail) {
        return ApiException.badRequest("can't parse entities: " + detail);
    }
}

package ir.hamyar.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text shaping for the messengers: escaping for Telegram's HTML parse mode, the plain-text form for Bale
 * (which has no parse mode), and splitting of texts longer than one message.
 */
public final class ChatText {

    /** Telegram's (and Bale's) limit for one message text, in UTF-16 units. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Pattern LINK = Pattern.compile(
            "<a\\s+href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    // The formatting tags Telegram's HTML mode accepts (https://core.telegram.org/bots/api#html-style).
    private static final Pattern TAG = Pattern.compile(
            "</?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|tg-emoji|span|blockquote|a)"
                    + "(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");

    private ChatText() {
    }

    /** Escapes text (names, typed descriptions, …) for Telegram's HTML parse mode. {@code null} gives "". */
    public static String escapeHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The plain-text form of a Telegram-HTML text, for Bale: the formatting tags are removed and entities
     * unescaped. A link keeps its address after its label ({@code label (https://…)}) so it stays usable in
     * plain text, unless the label already is the address or the address is a {@code tg://} mention.
     */
    public static String htmlToPlain(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String withLinks = replaceLinks(html);
        String untagged = TAG.matcher(withLinks).replaceAll("");
        return unescape(untagged);
    }

    /** {@link #split(String, int)} with {@link #MAX_MESSAGE_LENGTH}. */
    public static List<String> split(String text) {
        return split(text, MAX_MESSAGE_LENGTH);
    }

    /**
     * Splits a text into parts of at most {@code max} UTF-16 units: at the last line break that fits, else
     * at the last space, else hard (never between the two halves of a surrogate pair). The line break or
     * space a part ends at is consumed; nothing else is dropped. A text that fits is returned whole (null as
     * "").
     */
    public static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, was " + max);
        }
        String s = text == null ? "" : text;
        if (s.length() <= max) {
            return List.of(s);
        }
        List<String> parts = new ArrayList<>(s.length() / max + 1);
        int start = 0;
        while (s.length() - start > max) {
            int limit = start + max; // the part is [start, cut), cut <= limit; s.charAt(limit) may be the separator
            int cut = s.lastIndexOf('\n', limit);
            int next;
            if (cut > start) {
                next = cut + 1;
            } else {
                cut = lastSpace(s, start, limit);
                if (cut > start) {
                    next = cut + 1;
                } else {
                    cut = Character.isHighSurrogate(s.charAt(limit - 1)) && Character.isLowSurrogate(s.charAt(limit))
                            ? limit - 1 : limit;
                    next = cut;
                }
            }
            parts.add(s.substring(start, cut));
            start = next;
        }
        parts.add(s.substring(start));
        return List.copyOf(parts);
    }

    private static int lastSpace(String s, int start, int limit) {
        for (int i = limit; i > start; i--) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String replaceLinks(String html) {
        Matcher m = LINK.matcher(html);
        if (!m.find()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        do {
            String href = m.group(1) != null ? m.group(1) : m.group(2);
            String label = m.group(3);
            String plainHref = unescape(href);
            String plainLabel = unescape(TAG.matcher(label).replaceAll(""));
            boolean showHref = !plainHref.isBlank()
                    && !plainHref.toLowerCase(Locale.ROOT).startsWith("tg:")
                    && !plainHref.equals(plainLabel.strip());
            // Re-escaped so that the later entity pass restores exactly what the link said.
            String replacement = showHref ? label + " (" + escapeHtml(plainHref) + ")" : label;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = entity(m);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(Matcher m) {
        if (m.group(1) != null || m.group(2) != null) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        }
        return switch (m.group(3)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            default -> null;
        };
    }
}

package ir.hamyar.domain.regions;

import java.util.Locale;

/**
 * Folds a name for substring search, so that spelling variants people really type still match: ZWNJ or a
 * space between the parts of a compound name (Bostan-abad written with ZWNJ or with a space), alef with or without
 * madda, and Arabic yeh/kaf that slipped past normalisation.
 */
final class SearchKey {

    private SearchKey() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = switch (text.charAt(i)) {
                case '\u200C', '\u00A0', '\t', '\n', '\r' -> ' ';
                case '\u0622', '\u0623', '\u0625' -> '\u0627';
                case '\u064A', '\u0649' -> '\u06CC';
                case '\u0643' -> '\u06A9';
                case '\u0629' -> '\u0647';
                default -> text.charAt(i);
            };
            if (c == ' ') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}

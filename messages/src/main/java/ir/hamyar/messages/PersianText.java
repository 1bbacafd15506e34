package ir.hamyar.messages;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;

/**
 * Persian-first input normalisation and digit conversion.
 *
 * <p>People type the same word with Arabic or Persian keyboards, Persian or Arabic-Indic digits, invisible
 * bidi marks pasted from other apps and decorative tatweel; {@link #normalize} maps all of these to one
 * stored form so that comparisons, look-ups and validation see one spelling. ZWNJ (nim-fasele) is part of
 * Persian spelling and is kept. Characters are written as escapes: no Persian literal lives in Java code.
 */
public final class PersianText {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    static final char ZWNJ = '\u200C';
    static final char RLM = '\u200F';

    private static final char PERSIAN_YEH = '\u06CC';
    private static final char PERSIAN_KEHEH = '\u06A9';
    private static final char HEH = '\u0647';

    private PersianText() {
    }

    /**
     * The stored form of typed text: NFKC (which also maps Arabic presentation forms to letters), Arabic
     * yeh/alef maksura/kaf to Persian yeh/keheh, teh marbuta and heh-with-yeh-above (ezafe) to heh, Persian
     * and Arabic-Indic digits to ASCII, tatweel, harakat and bidi/format marks removed, runs of whitespace
     * collapsed (to one line break when the run holds one, so multi-line descriptions keep their lines,
     * otherwise to one space), ZWNJ kept inside words but dropped next to spaces or at the ends, trimmed.
     * {@code null} gives {@code ""}.
     */
    public static String normalize(String input) {
        if (input == null || input.isEmpty()) {
            return "";
        }
        String nfkc = NFKC.normalize(input);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        boolean pendingLineBreak = false;
        boolean pendingZwnj = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (isRemoved(cp)) {
                continue;
            }
            if (cp == ZWNJ) {
                pendingZwnj = true;
                continue;
            }
            if (isWhitespace(cp)) {
                pendingSpace = true;
                pendingLineBreak |= cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B
                        || cp == 0x0C || cp == 0x85;
                pendingZwnj = false;
                continue;
            }
            if (out.length() > 0) {
                if (pendingSpace) {
                    out.append(pendingLineBreak ? '\n' : ' ');
                } else if (pendingZwnj) {
                    out.append(ZWNJ);
                }
            }
            pendingSpace = false;
            pendingLineBreak = false;
            pendingZwnj = false;
            out.appendCodePoint(mapped(cp));
        }
        return out.toString();
    }

    /** ASCII digits to Persian digits (U+06F0–U+06F9), for numbers shown in prose; everything else unchanged. */
    public static String toPersianDigits(String input) {
        if (input == null) {
            return "";
        }
        char[] chars = input.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9') {
                chars[i] = (char) ('\u06F0' + (chars[i] - '0'));
            }
        }
        return new String(chars);
    }

    /** Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits to ASCII; everything else unchanged. */
    public static String toAsciiDigits(String input) {
        if (input == null) {
            return "";
        }
        char[] chars = input.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = asciiDigit(chars[i]);
        }
        return new String(chars);
    }

    /**
     * Whether an already {@linkplain #normalize normalised} text looks like a person's name: letters of the
     * Arabic (Persian) or Latin script, with spaces, ZWNJ, apostrophes and hyphens between them, at least one
     * letter and no digit. Length limits are the caller's rule.
     */
    public static boolean isPersianOrLatinName(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return false;
        }
        boolean hasLetter = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.isLetter(cp)) {
                int script = UScript.getScript(cp);
                if (script != UScript.ARABIC && script != UScript.LATIN) {
                    return false;
                }
                hasLetter = true;
            } else if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK
                    && UScript.getScript(cp) == UScript.LATIN) {
                continue; // a combining accent that NFKC could not compose onto its Latin letter
            } else if (cp != ' ' && cp != ZWNJ && cp != '\'' && cp != '\u2019' && cp != '-') {
                return false;
            }
        }
        return hasLetter;
    }

    /**
     * Makes a line that starts with a Latin letter or a digit display right-to-left by prefixing RLM (U+200F),
     * which Telegram and Bale use to pick a paragraph's direction. Each line of a multi-line text is treated
     * on its own. {@code null} gives {@code ""}.
     */
    public static String rtlLine(String line) {
        if (line == null || line.isEmpty()) {
            return "";
        }
        if (line.indexOf('\n') < 0) {
            return startsLeftToRight(line) ? RLM + line : line;
        }
        StringBuilder out = new StringBuilder(line.length() + 8);
        int start = 0;
        while (true) {
            int end = line.indexOf('\n', start);
            String part = end < 0 ? line.substring(start) : line.substring(start, end);
            if (startsLeftToRight(part)) {
                out.append(RLM);
            }
            out.append(part);
            if (end < 0) {
                return out.toString();
            }
            out.append('\n');
            start = end + 1;
        }
    }

    private static boolean startsLeftToRight(String line) {
        if (line.isEmpty()) {
            return false;
        }
        int cp = line.codePointAt(0);
        return Character.isDigit(cp) || (UCharacter.isLetter(cp) && UScript.getScript(cp) == UScript.LATIN);
    }

    private static boolean isRemoved(int cp) {
        return cp == 0x0640                       // tatweel
                || (cp >= 0x064B && cp <= 0x065F) // harakat, including hamza above/below written apart
                || cp == 0x0670                   // superscript alef
                || cp == 0x061C                   // Arabic letter mark
                || cp == 0x200E || cp == 0x200F   // LRM, RLM
                || (cp >= 0x202A && cp <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (cp >= 0x2066 && cp <= 0x2069) // LRI, RLI, FSI, PDI
                || cp == 0xFEFF                   // byte order mark / zero-width no-break space
                || cp == 0x200B                   // zero-width space: invisible, never meaningful here
                || (Character.getType(cp) == Character.CONTROL && !isWhitespace(cp));
    }

    private static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static int mapped(int cp) {
        switch (cp) {
            case 0x064A: // Arabic yeh
            case 0x0649: // alef maksura
                return PERSIAN_YEH;
            case 0x0643: // Arabic kaf
                return PERSIAN_KEHEH;
            case 0x0629: // teh marbuta, typed for heh in Arabic-keyboard spellings of Persian words
            case 0x06C0: // heh with yeh above (ezafe): an optional mark, typed inconsistently
                return HEH;
            default:
                return cp < 0x10000 ? asciiDigit((char) cp) : cp;
        }
    }

    private static char asciiDigit(char c) {
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        return c;
    }
}

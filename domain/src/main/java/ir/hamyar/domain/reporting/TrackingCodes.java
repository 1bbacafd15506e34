package ir.hamyar.domain.reporting;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tracking codes people read out and type: {@code R-} and five characters from an alphabet without the
 * look-alikes (0/O, 1/I/L, U/V), 30^5 ≈ 24 million codes. Typed input is forgiving about case, spaces and
 * a missing dash.
 */
final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 5;
    private static final String PREFIX = "R-";
    private static final Pattern VALID = Pattern.compile("R-[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String generate() {
        StringBuilder b = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The canonical code for typed input (ASCII digits expected: the caller normalises), or empty. */
    static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        String body = s.length() == LENGTH + 1 && s.startsWith("R") ? s.substring(1) : s;
        String code = PREFIX + body;
        return VALID.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}

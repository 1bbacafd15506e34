package ir.hamyar.domain.training;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes such as {@code K7M2-Q9XD}: eight random characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, U/V), so a code read off a printed certificate is typed back right. 27^8 codes make
 * guessing a valid one hopeless.
 */
public final class CertificateCodes {

    static final String ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCodes() {
    }

    static String generate() {
        StringBuilder b = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * The canonical form of a typed code (any case, with or without the dash or spaces), or empty when it cannot
     * be a code. The caller normalises digits first.
     */
    public static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s.substring(0, LENGTH / 2) + "-" + s.substring(LENGTH / 2));
    }
}

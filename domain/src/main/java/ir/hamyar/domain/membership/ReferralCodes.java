package ir.hamyar.domain.membership;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Invite codes: 8 characters from 32 unambiguous lower-case letters and digits (no 0/o, 1/l), so they are
 * URL-safe, valid in a Telegram start parameter and readable aloud. 40 random bits: guessing one is futile,
 * and the rare collision is retried by the insert.
 */
final class ReferralCodes {

    static final int LENGTH = 8;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralCodes() {
    }

    static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code in canonical form, if it could be one. */
    static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String code = input.strip().toLowerCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}

package ir.hamyar.domain.offices;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time group link codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), typed in any
 * case, valid 15 minutes, single use. Only their SHA-256 is stored, so a database reader cannot link a group.
 */
@Component
class LinkCodes {

    static final Duration VALIDITY = Duration.ofMinutes(15);
    static final int LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final OfficeRows rows;

    LinkCodes(OfficeRows rows) {
        this.rows = rows;
    }

    LinkCode issue(long officeId, Instant now) {
        rows.voidUnusedCodes(officeId, now);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expires = now.plus(VALIDITY);
        rows.insertCode(hash(code.toString()), officeId, now, expires);
        return new LinkCode(code.toString(), officeId, expires);
    }

    /** The office of a valid code, spending it; empty for anything else (unknown, used, expired, malformed). */
    Optional<Long> spend(String typed, Instant now) {
        if (typed == null || now == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return rows.spendCode(hash(code), now);
    }

    private static String hash(String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

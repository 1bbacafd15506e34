package ir.hamyar.domain.shared;

import java.util.Optional;

/**
 * An Iranian national code (kod-e melli): ten digits whose last is a check digit.
 *
 * <p>Weights 10..2 over the first nine digits, r = sum mod 11, check = r if r &lt; 2 else 11 − r; the ten
 * codes of one repeated digit pass that check but are not issued, so they are refused. Input must already
 * be normalised to ASCII digits (see {@code PersianText.normalize} in messages); the code is never parsed as
 * a number, so leading zeros survive.
 */
public record NationalCode(String value) {

    public NationalCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid national code");
        }
    }

    public static Optional<NationalCode> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replace("-", "").replace(" ", "");
        return isValid(digits) ? Optional.of(new NationalCode(digits)) : Optional.empty();
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (code.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        int check = code.charAt(9) - '0';
        return r < 2 ? check == r : check == 11 - r;
    }

    /** Never print the whole code (logs, toString): personal data. */
    @Override
    public String toString() {
        return "NationalCode[******" + value.substring(6) + "]";
    }
}

package ir.hamyar.domain.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * A mobile number in E.164 form ({@code +989121234567}), parsed with libphonenumber (region IR by default).
 *
 * <p>Accepts {@code 0912…}, {@code 912…}, {@code 98912…}, {@code +98912…}, {@code 0098912…} for Iranian
 * mobiles, and international numbers with their country code. Input must already be normalised to ASCII
 * digits. Only numbers libphonenumber considers valid mobiles (or fixed-or-mobile) are accepted.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /** Parses what a person typed or what a messenger's contact carried (which may lack the '+'). */
    public static Optional<PhoneNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.strip().replaceAll("[\\s()\\-.]", "");
        if (s.isEmpty() || !s.matches("\\+?[0-9]+")) {
            return Optional.empty();
        }
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (!s.startsWith("+") && s.startsWith("98") && s.length() == 12) {
            s = "+" + s; // 98912…: an Iranian number with its country code but no '+'
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(s, "IR");
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(parsed);
            if (type != PhoneNumberUtil.PhoneNumberType.MOBILE
                    && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A messenger contact's number: may arrive without '+' even when it carries a country code. */
    public static Optional<PhoneNumber> parseContact(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.strip();
        if (!s.startsWith("+") && !s.startsWith("0") && s.length() > 10) {
            s = "+" + s;
        }
        return parse(s);
    }

    public boolean isIranian() {
        return e164.startsWith("+98");
    }

    /** Never print the whole number (logs, toString): personal data. */
    @Override
    public String toString() {
        return "PhoneNumber[***" + e164.substring(e164.length() - 2) + "]";
    }
}

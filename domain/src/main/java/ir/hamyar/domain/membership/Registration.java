package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;

import java.time.Instant;
import java.util.Set;

/**
 * A completed registration form. Text fields arrive already normalised (Persian letters, ASCII digits);
 * {@code phoneVerified} is true only for the sender's own shared contact. {@code referralCode} (optional) is
 * the code of the invite link the newcomer arrived through; {@code locale} is "fa" or "en" (null means "fa").
 */
public record Registration(
        Platform platform,
        long userId,
        long chatId,
        String fullName,
        PhoneNumber phone,
        boolean phoneVerified,
        NationalCode nationalCode,
        int birthYear,
        String education,
        String expertise,
        int provinceId,
        int countyId,
        Set<String> interestCodes,
        String termsVersion,
        Instant termsAcceptedAt,
        String locale,
        String referralCode) {

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "Registration[platform=" + platform + ", countyId=" + countyId + ", interests=" + interestCodes + "]";
    }
}

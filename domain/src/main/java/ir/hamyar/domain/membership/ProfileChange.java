package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;

import java.util.Set;

/** One edit of a member's profile (one edit button per field); each is validated as in registration. */
public sealed interface ProfileChange {

    record FullName(String fullName) implements ProfileChange {
        @Override
        public String toString() {
            return "FullName[***]";
        }
    }

    /** {@code verified} is true only for the sender's own shared contact. */
    record Phone(PhoneNumber phone, boolean verified) implements ProfileChange {
    }

    record BirthYear(int birthYear) implements ProfileChange {
        @Override
        public String toString() {
            return "BirthYear[***]";
        }
    }

    record EducationLevel(String education) implements ProfileChange {
    }

    /** Blank clears the (optional) expertise. */
    record Expertise(String expertise) implements ProfileChange {
    }

    record Region(int provinceId, int countyId) implements ProfileChange {
    }

    record Interests(Set<String> interestCodes) implements ProfileChange {
    }

    /** "fa" or "en". */
    record Language(String locale) implements ProfileChange {
    }

    /** Always refused for now: a national code identifies the person and is not edited by its holder. */
    record NationalCodeChange(NationalCode nationalCode) implements ProfileChange {
    }
}

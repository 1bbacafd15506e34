package ir.hamyar.domain.membership;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.PhoneNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks registration and profile edits share. Text arrives normalised by the caller (the domain knows no
 * text toolkit); these rules only decide what is acceptable, and tidy whitespace.
 */
@Component
class MemberRules {

    static final int MIN_BIRTH_YEAR = 1300;
    static final int MIN_AGE_YEARS = 10;
    static final int MIN_NAME_LENGTH = 3;
    static final int MAX_NAME_LENGTH = 60;
    static final int MAX_EXPERTISE_LENGTH = 200;
    static final int MAX_TERMS_VERSION_LENGTH = 32;
    static final int MAX_REASON_LENGTH = 200;
    static final Set<String> LOCALES = Set.of("fa", "en");
    static final String DEFAULT_LOCALE = "fa";

    private static final ULocale JALALI = new ULocale("fa_IR@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");
    private static final char ZWNJ = '\u200C';

    private final Clock clock;
    private final Regions regions;
    private final WorkingGroups workingGroups;

    MemberRules(ObjectProvider<Clock> clock, Regions regions, WorkingGroups workingGroups) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.regions = regions;
        this.workingGroups = workingGroups;
    }

    Instant now() {
        return clock.instant();
    }

    int currentJalaliYear() {
        Calendar calendar = Calendar.getInstance(TEHRAN, JALALI);
        calendar.setTimeInMillis(clock.millis());
        return calendar.get(Calendar.EXTENDED_YEAR);
    }

    boolean birthYear(int year) {
        return year >= MIN_BIRTH_YEAR && year <= currentJalaliYear() - MIN_AGE_YEARS;
    }

    /** The name with whitespace tidied, if it is 3–60 characters of Persian or Latin letters. */
    Optional<String> name(String raw) {
        String name = collapseWhitespace(raw);
        if (name.length() < MIN_NAME_LENGTH || name.length() > MAX_NAME_LENGTH || !isNameLetter(name.charAt(0))) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isNameLetter(c) && c != ' ' && c != ZWNJ && c != '-' && c != '\'' && c != '.') {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }

    private static boolean isNameLetter(char c) {
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.LATIN;
    }

    boolean phone(PhoneNumber phone) {
        return phone != null && phone.isIranian();
    }

    boolean expertise(String raw) {
        return collapseWhitespace(raw).length() <= MAX_EXPERTISE_LENGTH;
    }

    /** Tidied expertise, or null when blank (the field is optional). */
    String cleanExpertise(String raw) {
        String s = collapseWhitespace(raw);
        return s.isEmpty() ? null : s;
    }

    /** "fa" or "en"; null stands for the default. */
    Optional<String> locale(String raw) {
        if (raw == null) {
            return Optional.of(DEFAULT_LOCALE);
        }
        String locale = raw.strip();
        return LOCALES.contains(locale) ? Optional.of(locale) : Optional.empty();
    }

    boolean terms(String version, Instant acceptedAt) {
        return version != null && !version.isBlank() && version.strip().length() <= MAX_TERMS_VERSION_LENGTH
                && acceptedAt != null;
    }

    boolean countyInProvince(int provinceId, int countyId) {
        return regions.countyBelongsTo(countyId, provinceId);
    }

    /** The active working groups of these codes, or empty when any code is not one. */
    Optional<Set<WorkingGroup>> interests(Set<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Optional.of(Set.of());
        }
        // immutable sets throw on contains(null): check over a copy that tolerates it
        Set<String> wanted = new HashSet<>(codes);
        if (wanted.contains(null)) {
            return Optional.empty();
        }
        List<WorkingGroup> found = workingGroups.activeWithCodes(wanted);
        return found.size() == wanted.size() ? Optional.of(new HashSet<>(found)) : Optional.empty();
    }

    static String reason(String raw) {
        String s = collapseWhitespace(raw);
        if (s.isEmpty()) {
            return null;
        }
        return s.length() <= MAX_REASON_LENGTH ? s : s.substring(0, MAX_REASON_LENGTH);
    }

    private static String collapseWhitespace(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}

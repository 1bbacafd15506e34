package ir.hamyar.domain.offices;

import java.util.Locale;

/** The region keys that keep one active office per region, and the folded neighbourhood they use. */
final class Slots {

    private static final char ZWNJ = '\u200C';

    private Slots() {
    }

    static String province(int provinceId) {
        return "P:" + provinceId;
    }

    static String county(int countyId) {
        return "C:" + countyId;
    }

    static String local(int countyId, String neighbourhoodKey) {
        return "L:" + countyId + ":" + neighbourhoodKey;
    }

    static String of(OfficeView office) {
        return switch (office.level()) {
            case PROVINCE -> province(office.provinceId());
            case COUNTY -> county(office.countyId());
            case LOCAL -> local(office.countyId(), neighbourhoodKey(office.neighbourhood()));
        };
    }

    /** Whitespace collapsed and trimmed; "" for null. */
    static String tidy(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * A neighbourhood as people type it in different ways: case, spaces, ZWNJ and hyphens do not count
     * ("Shahrak-e Gharb" and "shahrak e gharb" are one place; so are the Persian spellings with and without ZWNJ).
     */
    static String neighbourhoodKey(String neighbourhood) {
        if (neighbourhood == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(neighbourhood.length());
        neighbourhood.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isWhitespace(c) && c != ZWNJ && c != '-')
                .forEach(key::appendCodePoint);
        return key.length() > Offices.MAX_NEIGHBOURHOOD ? key.substring(0, Offices.MAX_NEIGHBOURHOOD)
                : key.toString();
    }
}

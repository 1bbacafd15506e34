package ir.hamyar.bot.flow.offices;

import java.util.List;

/** The draft of {@code /found}: what has been answered so far ({@code principles}: how many were accepted). */
record FoundingForm(String level, Integer provinceId, Integer countyId, String neighbourhood, String name,
                    String address, String tenure, List<Long> cofounders, String background, int principles,
                    int page, String filter) {

    FoundingForm {
        cofounders = cofounders == null ? List.of() : List.copyOf(cofounders);
    }

    static FoundingForm empty() {
        return new FoundingForm(null, null, null, null, null, null, null, List.of(), null, 0, 0, null);
    }

    boolean local() {
        return "LOCAL".equals(level);
    }

    FoundingForm level(String v) {
        return new FoundingForm(v, provinceId, countyId, neighbourhood, name, address, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm province(int v) {
        return new FoundingForm(level, v, null, neighbourhood, name, address, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm county(int v) {
        return new FoundingForm(level, provinceId, v, neighbourhood, name, address, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm neighbourhood(String v) {
        return new FoundingForm(level, provinceId, countyId, v, name, address, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm name(String v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, v, address, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm address(String v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, v, tenure, cofounders, background,
                principles, 0, null);
    }

    FoundingForm tenure(String v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, address, v, cofounders, background,
                principles, 0, null);
    }

    FoundingForm cofounders(List<Long> v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, address, tenure, v, background,
                principles, 0, null);
    }

    FoundingForm background(String v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, address, tenure, cofounders, v,
                principles, 0, null);
    }

    FoundingForm principles(int v) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, address, tenure, cofounders,
                background, v, 0, null);
    }

    FoundingForm page(int v, String newFilter) {
        return new FoundingForm(level, provinceId, countyId, neighbourhood, name, address, tenure, cofounders,
                background, principles, v, newFilter);
    }
}

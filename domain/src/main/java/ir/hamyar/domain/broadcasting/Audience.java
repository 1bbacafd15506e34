package ir.hamyar.domain.broadcasting;

import java.util.Optional;

/**
 * Who a broadcast goes to. Sealed so that every place that turns an audience into members (the recipient
 * query, the pickers, the stored form) is told by the compiler when a kind is added. Offices, managers and
 * a course's enrolees are added by their modules' issues: a new record here, its {@link #kind()} code, its
 * case in {@link #of} and in {@code AudienceFilter}.
 */
public sealed interface Audience {

    /** Stored code of the kind ({@code broadcast.audience_kind}). */
    String kind();

    /** Stored parameter ({@code broadcast.audience_param}); null when the kind has none. */
    String parameter();

    /** Every active member. */
    record AllMembers() implements Audience {
        @Override
        public String kind() {
            return "ALL";
        }

        @Override
        public String parameter() {
            return null;
        }
    }

    /** Active members living in a province. */
    record InProvince(int provinceId) implements Audience {
        @Override
        public String kind() {
            return "PROVINCE";
        }

        @Override
        public String parameter() {
            return Integer.toString(provinceId);
        }
    }

    /** Active members living in a county. */
    record InCounty(int countyId) implements Audience {
        @Override
        public String kind() {
            return "COUNTY";
        }

        @Override
        public String parameter() {
            return Integer.toString(countyId);
        }
    }

    /** Active members interested in a working group (by its code, e.g. {@code economic}). */
    record WithInterest(String workingGroupCode) implements Audience {
        @Override
        public String kind() {
            return "INTEREST";
        }

        @Override
        public String parameter() {
            return workingGroupCode;
        }
    }

    /** The audience stored as {@code (kind, parameter)}; empty for an unknown kind or a malformed parameter. */
    static Optional<Audience> of(String kind, String parameter) {
        if (kind == null) {
            return Optional.empty();
        }
        try {
            return switch (kind) {
                case "ALL" -> Optional.of(new AllMembers());
                case "PROVINCE" -> Optional.of(new InProvince(Integer.parseInt(parameter)));
                case "COUNTY" -> Optional.of(new InCounty(Integer.parseInt(parameter)));
                case "INTEREST" -> parameter == null || parameter.isBlank() || parameter.length() > 32
                        ? Optional.empty() : Optional.of(new WithInterest(parameter));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

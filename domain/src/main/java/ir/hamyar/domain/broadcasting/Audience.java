package ir.hamyar.domain.broadcasting;

import java.util.Optional;

/**
 * Who a broadcast goes to. Sealed so that every place that turns an audience into members (the recipient
 * query, the pickers, the stored form) is told by the compiler when a kind is added: a new record here, its
 * {@link #kind()} code, its case in {@link #of} and in {@code RecipientSql.audience}.
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

    /**
     * The members of an office: the active members whose home region is the region the office serves. Members
     * record a province and a county, not a neighbourhood, so a province office has the members of its province
     * (those of its counties included), a county office those of its county, and a local centre none of its
     * own: giving it its county's members would let every centre of a county reach the whole county, past the
     * county office. Only an ACTIVE office has members (a suspended or closed one addresses nobody).
     */
    record OfficeMembers(long officeId) implements Audience {
        @Override
        public String kind() {
            return "OFFICE";
        }

        @Override
        public String parameter() {
            return Long.toString(officeId);
        }
    }

    /**
     * Office managers: members with an ACTIVE appointment of role MANAGER in force today (Tehran), of any
     * office or, with a province, of an office in that province. Deputies and working-group leads are not in it.
     */
    record Managers(Integer provinceIdOrNull) implements Audience {
        @Override
        public String kind() {
            return "MANAGERS";
        }

        @Override
        public String parameter() {
            return provinceIdOrNull == null ? null : Integer.toString(provinceIdOrNull);
        }
    }

    /** A course's enrolees: members whose enrolment in it is active (enrolled, offered, awaiting approval, waitlisted). */
    record CourseEnrolees(long courseId) implements Audience {
        @Override
        public String kind() {
            return "COURSE";
        }

        @Override
        public String parameter() {
            return Long.toString(courseId);
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
                case "OFFICE" -> Optional.of(new OfficeMembers(Long.parseLong(parameter)));
                case "MANAGERS" -> Optional.of(new Managers(parameter == null ? null : Integer.parseInt(parameter)));
                case "COURSE" -> Optional.of(new CourseEnrolees(Long.parseLong(parameter)));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

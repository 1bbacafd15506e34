package ir.hamyar.domain.offices;

/** The outcome of {@link Offices#establish(NewOffice)}. */
public sealed interface CreateResult {

    record Created(OfficeView office) implements CreateResult {
    }

    record Refused(Reason reason) implements CreateResult {
    }

    enum Reason {
        INVALID_LEVEL,
        UNKNOWN_PROVINCE,
        COUNTY_NOT_IN_PROVINCE,
        NEIGHBOURHOOD_REQUIRED,
        INVALID_NAME,
        INVALID_TEXT,
        INVALID_DONATION_URL,
        /** a local centre needs an active county office above it */
        PARENT_OFFICE_MISSING,
        /** the region already has an active office of that level (for a local centre: that neighbourhood) */
        REGION_ALREADY_HAS_OFFICE,
        PERMIT_NUMBER_TAKEN
    }
}

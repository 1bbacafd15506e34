package ir.hamyar.domain.reporting;

/** The outcome of filing a report. */
public sealed interface SubmitResult {

    /** Filed: {@code responseHours} is the responsible office's expected first-response time. */
    record Submitted(ReportView report, int responseHours) implements SubmitResult {
    }

    record Rejected(Reason reason) implements SubmitResult {
    }

    enum Reason {
        NOT_A_MEMBER, MEMBER_SUSPENDED, MEMBER_NOT_ACTIVE, NO_COUNTY, DAILY_LIMIT_REACHED, UNKNOWN_CATEGORY, INVALID_TITLE,
        INVALID_DESCRIPTION, TOO_MANY_PHOTOS, INVALID_LOCATION, INVALID_ADDRESS
    }
}

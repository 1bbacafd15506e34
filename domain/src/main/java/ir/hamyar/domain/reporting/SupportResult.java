package ir.hamyar.domain.reporting;

/** The outcome of a "me too" on an existing report. */
public enum SupportResult {
    ADDED, ALREADY_SUPPORTED, OWN_REPORT, NOT_OPEN, NO_SUCH_REPORT, NOT_A_MEMBER
}

package ir.hamyar.domain.reporting;

/** The reporter said the problem is not fixed; the office is alerted again. */
public record ReportReopened(long reportId, Long officeId) {
}

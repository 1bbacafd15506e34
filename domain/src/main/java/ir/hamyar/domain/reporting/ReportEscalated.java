package ir.hamyar.domain.reporting;

/** A report was not acknowledged in time and was raised to {@code toOfficeId} (null means the admins). */
public record ReportEscalated(long reportId, Long toOfficeId, int level) {
}

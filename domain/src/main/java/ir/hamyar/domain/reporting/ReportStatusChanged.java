package ir.hamyar.domain.reporting;

/** A report's status changed; {@code actorId} null for an admin without membership or the system. */
public record ReportStatusChanged(long reportId, ReportStatus from, ReportStatus to, Long actorId, String note) {
}

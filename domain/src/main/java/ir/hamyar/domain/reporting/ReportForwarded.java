package ir.hamyar.domain.reporting;

/** A manager passed a report to another office (with an optional note). */
public record ReportForwarded(long reportId, Long fromOfficeId, long toOfficeId, Long actorId, String note) {
}

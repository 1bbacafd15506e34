package ir.hamyar.domain.reporting;

/** Time to ask the reporter whether the resolved problem is really fixed. */
public record ReportFollowUpDue(long reportId, long reporterId) {
}

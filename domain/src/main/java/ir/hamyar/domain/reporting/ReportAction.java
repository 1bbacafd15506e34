package ir.hamyar.domain.reporting;

/** What one history row records. */
public enum ReportAction {
    FILED, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, REJECTED, FORWARDED, ESCALATED, FOLLOW_UP_ASKED, CONFIRMED,
    REOPENED, NOTE, SUPPORTED, ANONYMISED
}

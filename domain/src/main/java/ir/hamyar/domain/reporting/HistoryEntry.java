package ir.hamyar.domain.reporting;

import java.time.Instant;

/** One row of a report's history; {@code officeId} is the office concerned (target of a forward or escalation). */
public record HistoryEntry(Instant at, Long actorId, ReportAction action, ReportStatus from, ReportStatus to,
                           Long officeId, String note) {
}

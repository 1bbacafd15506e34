package ir.hamyar.domain.reporting;

import java.time.Instant;

/** A manager's note on a report; a public one is also sent to the reporter. */
public record NoteView(long id, long reportId, Long authorId, String body, boolean isPublic, Instant createdAt) {
}

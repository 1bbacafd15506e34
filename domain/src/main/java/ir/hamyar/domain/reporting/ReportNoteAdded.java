package ir.hamyar.domain.reporting;

/** A manager added a note; a public one goes to the reporter. */
public record ReportNoteAdded(long reportId, long noteId, boolean isPublic) {
}

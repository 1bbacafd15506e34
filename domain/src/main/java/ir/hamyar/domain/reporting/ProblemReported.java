package ir.hamyar.domain.reporting;

/** A report was filed; {@code officeId} null means it went to the admins. */
public record ProblemReported(long reportId, Long officeId) {
}

package ir.hamyar.domain.reporting;

/** Narrows an office's open reports; a null field does not filter. */
public record ReportFilter(ReportStatus status, String category) {

    public static final ReportFilter NONE = new ReportFilter(null, null);
}

package ir.hamyar.domain.reporting;

import ir.hamyar.domain.shared.Platform;

/** A photo of a report: a file id valid on the messenger it was sent from. */
public record ReportPhoto(Platform platform, String fileId) {
}

package ir.hamyar.domain.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What callers may know about a report. {@code reporterId} is null once the reporter's data was erased;
 * {@code officeId} null means the admins handle it; latitude/longitude are both null or both set.
 */
public record ReportView(
        long id,
        String trackingCode,
        Long reporterId,
        String category,
        String title,
        String description,
        Double latitude,
        Double longitude,
        String address,
        int countyId,
        String neighbourhood,
        boolean showName,
        Long officeId,
        ReportStatus status,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        int escalationLevel,
        List<ReportPhoto> photos,
        long supporters) {

    public ReportView {
        photos = List.copyOf(photos);
    }

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }

    /** Texts typed by the reporter stay out of logs. */
    @Override
    public String toString() {
        return "ReportView[id=" + id + ", code=" + trackingCode + ", status=" + status + ", office=" + officeId + "]";
    }
}

package ir.hamyar.domain.reporting;

import java.util.List;

/**
 * A report as the citizen filed it. Texts arrive normalised by the caller. The county is the reporter's
 * (from the profile); {@code neighbourhood} (optional) lets a local centre of that neighbourhood receive it.
 */
public record NewReport(long reporterId, String category, String title, String description,
                        List<ReportPhoto> photos, Double latitude, Double longitude, String address,
                        String neighbourhood, boolean showName) {

    public NewReport {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}

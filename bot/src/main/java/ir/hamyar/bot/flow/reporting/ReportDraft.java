package ir.hamyar.bot.flow.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft of the /report form, kept in the conversation row until the report is sent.
 *
 * @param photos     file ids on the messenger the form runs on, in the order sent
 * @param showName   null until the reporter chose explicitly
 */
record ReportDraft(String category, String title, String description, List<String> photos, Double latitude,
                   Double longitude, String address, Boolean showName) {

    ReportDraft {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    static ReportDraft start() {
        return new ReportDraft(null, null, null, List.of(), null, null, null, null);
    }

    ReportDraft category(String code) {
        return new ReportDraft(code, title, description, photos, latitude, longitude, address, showName);
    }

    ReportDraft title(String value) {
        return new ReportDraft(category, value, description, photos, latitude, longitude, address, showName);
    }

    ReportDraft description(String value) {
        return new ReportDraft(category, title, value, photos, latitude, longitude, address, showName);
    }

    ReportDraft photo(String fileId) {
        List<String> more = new ArrayList<>(photos);
        more.add(fileId);
        return new ReportDraft(category, title, description, more, latitude, longitude, address, showName);
    }

    ReportDraft location(Double lat, Double lon) {
        return new ReportDraft(category, title, description, photos, lat, lon, address, showName);
    }

    ReportDraft address(String value) {
        return new ReportDraft(category, title, description, photos, latitude, longitude, value, showName);
    }

    ReportDraft showName(boolean value) {
        return new ReportDraft(category, title, description, photos, latitude, longitude, address, value);
    }

    ReportDraft photosCleared() {
        return new ReportDraft(category, title, description, List.of(), latitude, longitude, address, showName);
    }
}

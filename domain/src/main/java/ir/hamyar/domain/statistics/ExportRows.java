package ir.hamyar.domain.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows {@link DataExports} answers with. Personal data (phone, national code) is null unless the person lives
 * inside the export's scope; codes (status, role, education, category) are left for the caller to name.
 */
public final class ExportRows {

    private ExportRows() {
    }

    /** One export: at most the requested number of rows, in id order, and how many the scope holds in all. */
    public record Export<T>(List<T> rows, long total) {

        public Export {
            rows = List.copyOf(rows);
        }

        public boolean truncated() {
            return total > rows.size();
        }
    }

    public record MemberRow(long id, String fullName, String phone, String nationalCode, Integer birthYear,
                            String education, String province, String county, String status, Instant registeredAt) {
    }

    /** {@code reporterName} only when the reporter chose to show it and lives in scope; never a phone. */
    public record ReportRow(String trackingCode, String category, String title, String status, String office,
                            String county, Instant filedAt, Instant acknowledgedAt, Instant resolvedAt,
                            long supports, String reporterName) {
    }

    public record EnrolmentRow(long courseId, String courseTitle, String office, String memberName, String phone,
                               String status, Instant enrolledAt) {
    }

    public record AppointmentRow(String decreeNo, String office, String memberName, String phone, String role,
                                 String status, LocalDate termStart, LocalDate termEnd, Instant issuedAt) {
    }
}

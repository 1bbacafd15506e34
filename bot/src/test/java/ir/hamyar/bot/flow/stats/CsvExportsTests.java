package ir.hamyar.bot.flow.stats;

import ir.hamyar.domain.statistics.ExportRows.MemberRow;
import ir.hamyar.domain.statistics.ExportRows.ReportRow;
import ir.hamyar.messages.Texts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportsTests {

    static final Instant FILED = Instant.parse("2026-04-01T08:00:00Z"); // 12 Farvardin 1405 in Tehran

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(CsvExports.BOM);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    @Test
    void writesUtf8WithBomPersianHeadersAndJalaliDates() throws IOException {
        byte[] csv = CsvExports.members(List.of(new MemberRow(7, "مریم احمدی", "+989121234567", "0012345679", 1370,
                "BACHELOR", "تهران", "ری", "ACTIVE", FILED)), Texts.FA);

        List<CSVRecord> records = parse(csv);

        assertThat(records.get(0).get(0)).isEqualTo("شناسه");
        assertThat(records.get(0).get(2)).isEqualTo("تلفن همراه");
        assertThat(records.get(1).toList()).containsExactly("7", "مریم احمدی", "+989121234567", "0012345679", "1370",
                "کارشناسی", "تهران", "ری", "فعال", "1405/01/12");
    }

    @Test
    void quotesCommasQuotesAndNewlinesSoTheyRoundTrip() throws IOException {
        String title = "چاله، \"بزرگ\" در خیابان,\nاصلی";
        byte[] csv = CsvExports.reports(List.of(new ReportRow("R-ABCDE", "health", title, "NEW", "دفتر ری", "ری",
                FILED, null, null, 3, null)), Texts.FA);

        String raw = new String(csv, StandardCharsets.UTF_8);
        assertThat(raw).contains("\"چاله، \"\"بزرگ\"\" در خیابان,\nاصلی\"");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(2)).isEqualTo(title);
        assertThat(records.get(1).get(3)).isEqualTo("تازه");
        assertThat(records.get(1).get(7)).isEmpty();
    }
}

package ir.hamyar.bot.flow.stats;

import ir.hamyar.domain.statistics.ExportRows.AppointmentRow;
import ir.hamyar.domain.statistics.ExportRows.EnrolmentRow;
import ir.hamyar.domain.statistics.ExportRows.MemberRow;
import ir.hamyar.domain.statistics.ExportRows.ReportRow;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Export rows as CSV files: UTF-8 with a byte order mark (so spreadsheet programs read Persian right), RFC 4180
 * quoting by Commons CSV, headers from the {@code stats} bundle, Jalali dates. Digits stay ASCII in the cells
 * (dates, phones, codes) so that spreadsheets can sort and filter them.
 */
final class CsvExports {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExports() {
    }

    static byte[] members(List<MemberRow> rows, Locale locale) {
        return csv("stats.csv.members", rows, locale, r -> new Object[] {r.id(), r.fullName(), r.phone(),
                r.nationalCode(), r.birthYear(), label(locale, "membership.education.", r.education()), r.province(),
                r.county(), label(locale, "stats.member_status.", r.status()), date(r.registeredAt())});
    }

    static byte[] reports(List<ReportRow> rows, Locale locale) {
        return csv("stats.csv.reports", rows, locale, r -> new Object[] {r.trackingCode(),
                label(locale, "reporting.category.", r.category()), r.title(), label(locale, "stats.status.", r.status()),
                r.office(), r.county(), date(r.filedAt()), date(r.acknowledgedAt()), date(r.resolvedAt()), r.supports(),
                r.reporterName()});
    }

    static byte[] enrolments(List<EnrolmentRow> rows, Locale locale) {
        String national = Texts.get(locale, "stats.csv.national");
        return csv("stats.csv.enrolments", rows, locale, r -> new Object[] {r.courseId(), r.courseTitle(),
                r.office() == null ? national : r.office(), r.memberName(), r.phone(),
                label(locale, "stats.enrolment_status.", r.status()), date(r.enrolledAt())});
    }

    static byte[] appointments(List<AppointmentRow> rows, Locale locale) {
        return csv("stats.csv.appointments", rows, locale, r -> new Object[] {r.decreeNo(), r.office(), r.memberName(),
                r.phone(), label(locale, "appointments.role.", r.role()), label(locale, "appointments.status.", r.status()),
                date(r.termStart()), date(r.termEnd()), date(r.issuedAt())});
    }

    private static <T> byte[] csv(String headerKey, List<T> rows, Locale locale, Function<T, Object[]> cells) {
        String[] header = Texts.get(locale, headerKey).split("\\|");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (T row : rows) {
                printer.printRecord(Arrays.asList(cells.apply(row)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String label(Locale locale, String prefix, String code) {
        return code == null ? null : StatsCommand.label(locale, prefix, code);
    }

    private static String date(Instant at) {
        return at == null ? null : PersianText.toAsciiDigits(JalaliDates.formatShort(at, Texts.FA));
    }

    private static String date(LocalDate day) {
        return day == null ? null : PersianText.toAsciiDigits(JalaliDates.formatShort(day, Texts.FA));
    }
}

package ir.hamyar.bot.admin.console;

import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportStatus;
import ir.hamyar.messages.Texts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decision type the audit listing offers as a filter, and every report decision, reads as words. */
class AuditLabelsTests {

    @Test
    void everyOfferedDecisionTypeHasALabelInBothLanguages() {
        assertThat(AuditListing.TYPES).allSatisfy(code -> {
            assertThat(Texts.has("admin.audit.action." + code)).as(code).isTrue();
            assertThat(Texts.get(Locale.ENGLISH, "admin.audit.action." + code)).doesNotContain("_");
        });
    }

    @Test
    void everyStatusAManagerMovesAReportToIsAnOfferedType() {
        for (ReportStatus s : List.of(ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED,
                ReportStatus.REJECTED)) {
            assertThat(AuditListing.TYPES).contains(ProblemReporting.AUDIT_PREFIX + s.name());
        }
        assertThat(AuditListing.TYPES).contains(ProblemReporting.FORWARDED_AUDIT);
    }
}

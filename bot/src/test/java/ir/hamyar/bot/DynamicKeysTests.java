package ir.hamyar.bot;

import ir.hamyar.bot.runtime.BotCommands;
import ir.hamyar.domain.membership.Education;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.membership.UpdateResult;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.ReportStatus;
import ir.hamyar.domain.reporting.SubmitResult;
import ir.hamyar.domain.reporting.SupportResult;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.Texts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys built at run time from a code ({@code "membership.education." + code}) exist for every code. */
class DynamicKeysTests {

    @Test
    void everyCodeShownToUsersHasItsText() {
        List<String> missing = new ArrayList<>();
        check(missing, "membership.education.", Education.values());
        check(missing, "membership.status.", MemberStatus.values());
        check(missing, "membership.platform.", Platform.values());
        check(missing, "membership.rejected.", RegistrationResult.Reason.values());
        check(missing, "membership.update_rejected.", UpdateResult.Reason.values());
        for (String interest : List.of("economic", "cultural", "social", "education", "health", "environment",
                "technology", "youth", "family", "legal", "urban_services")) {
            if (!Texts.has("membership.interest." + interest)) {
                missing.add("membership.interest." + interest);
            }
        }
        check(missing, "reporting.status.", ReportStatus.values());
        check(missing, "reporting.rejected.", SubmitResult.Reason.values());
        check(missing, "reporting.support_result.", SupportResult.values());
        check(missing, "reporting.action_refused.", ActionResult.Reason.values());
        for (String category : List.of("infrastructure", "environment", "health", "education", "economy_jobs",
                "culture", "social_harm", "public_services", "other")) {
            if (!Texts.has("reporting.category." + category)) {
                missing.add("reporting.category." + category);
            }
        }
        new BotCommands().descriptions(Texts.FA); // throws on a missing command description
        assertThat(missing).isEmpty();
    }

    private static void check(List<String> missing, String prefix, Enum<?>[] values) {
        for (Enum<?> v : values) {
            if (!Texts.has(prefix + v.name())) {
                missing.add(prefix + v.name());
            }
        }
    }
}

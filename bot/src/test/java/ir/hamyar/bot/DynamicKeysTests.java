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
        check(missing, "broadcasting.rejected.", ir.hamyar.domain.broadcasting.CreateResult.Reason.values());
        check(missing, "broadcasting.status.", ir.hamyar.domain.broadcasting.BroadcastStatus.values());
        check(missing, "broadcasting.setting.", ir.hamyar.domain.broadcasting.PreferenceSetting.values());
        for (String kind : List.of("ALL", "PROVINCE", "COUNTY", "INTEREST", "OFFICE", "MANAGERS", "COURSE")) {
            for (String prefix : List.of("broadcasting.audience.", "broadcasting.audience_choice.")) {
                if (!Texts.has(prefix + kind)) {
                    missing.add(prefix + kind);
                }
            }
        }
        for (String interest : List.of("economic", "cultural", "social", "education", "health", "environment",
                "technology", "youth", "family", "legal", "urban_services")) {
            if (!Texts.has("membership.interest." + interest)) {
                missing.add("membership.interest." + interest);
            }
        }
        check(missing, "content.refused.", ir.hamyar.domain.content.EditResult.Reason.values());
        for (String item : List.of("about", "terms", "office_rules", "categories", "interests", "donations")) {
            if (!Texts.has("content.item." + item)) {
                missing.add("content.item." + item);
            }
        }
        for (String list : List.of("categories", "interests")) {
            if (!Texts.has("content.list.title_" + list)) {
                missing.add("content.list.title_" + list);
            }
        }
        check(missing, "offices.level.", ir.hamyar.domain.offices.OfficeLevel.values());
        check(missing, "offices.link_rejected.", ir.hamyar.domain.offices.LinkResult.Reason.values());
        check(missing, "founding.level.", new Enum<?>[] {ir.hamyar.domain.offices.OfficeLevel.COUNTY,
                ir.hamyar.domain.offices.OfficeLevel.LOCAL});
        check(missing, "founding.tenure.", ir.hamyar.domain.applications.SpaceTenure.values());
        check(missing, "founding.principle.", ir.hamyar.domain.applications.Principle.values());
        check(missing, "founding.status.", ir.hamyar.domain.applications.ApplicationStatus.values());
        check(missing, "founding.cofounder_status.", ir.hamyar.domain.applications.CofounderStatus.values());
        check(missing, "founding.refused.", ir.hamyar.domain.applications.Refusal.values());
        check(missing, "appointments.role.", ir.hamyar.domain.appointments.AppointmentRole.values());
        check(missing, "appointments.status.", ir.hamyar.domain.appointments.AppointmentStatus.values());
        check(missing, "appointments.refused.", ir.hamyar.domain.appointments.Refusal.values());
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
        check(missing, "admin.role.", ir.hamyar.domain.access.Role.values());
        check(missing, "admin.suspend.result.", ir.hamyar.domain.membership.StatusChangeResult.values());
        check(missing, "admin.reinstate.result.", ir.hamyar.domain.membership.StatusChangeResult.values());
        // admin.audit.action.<code>: AuditLabelsTests (the codes offered as filters are package-private there).
        check(missing, "training.level.", ir.hamyar.domain.training.CourseLevel.values());
        check(missing, "training.mode.", ir.hamyar.domain.training.CourseMode.values());
        check(missing, "training.audience.", ir.hamyar.domain.training.Audience.values());
        check(missing, "training.status.", ir.hamyar.domain.training.CourseStatus.values());
        check(missing, "training.my_status.", ir.hamyar.domain.training.EnrolmentStatus.values());
        check(missing, "training.mark.", ir.hamyar.domain.training.AttendanceMark.values());
        check(missing, "training.reminder.", ir.hamyar.domain.training.ReminderKind.values());
        check(missing, "training.change_refused.", ir.hamyar.domain.training.Change.values());
        check(missing, "training.enrol_refused.", ir.hamyar.domain.training.EnrolResult.Outcome.values());
        check(missing, "training.create_problem.", ir.hamyar.domain.training.CreateResult.Problem.values());
        for (String key : List.of("training.mark.NONE", "training.result.COMPLETED", "training.result.NOT_COMPLETED")) {
            if (!Texts.has(key)) {
                missing.add(key);
            }
        }
        for (String field : List.of("TITLE", "DESCRIPTION", "LOCATION", "CAPACITY", "DEADLINE")) {
            for (String prefix : List.of("training.edit_field.", "training.edit_ask.")) {
                if (!Texts.has(prefix + field)) {
                    missing.add(prefix + field);
                }
            }
        }
        check(missing, "stats.status.", ReportStatus.values());
        check(missing, "stats.member_status.", ir.hamyar.domain.membership.MemberStatus.values());
        check(missing, "stats.enrolment_status.", ir.hamyar.domain.training.EnrolmentStatus.values());
        check(missing, "appointments.role.", ir.hamyar.domain.appointments.AppointmentRole.values());
        check(missing, "appointments.status.", ir.hamyar.domain.appointments.AppointmentStatus.values());
        for (String kind : List.of("members", "reports", "enrolments", "appointments")) {
            for (String prefix : List.of("stats.export.kind.", "stats.export.file.", "stats.csv.")) {
                if (!Texts.has(prefix + kind)) {
                    missing.add(prefix + kind);
                }
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

package ir.hamyar.bot.flow.stats;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.AdminEntry;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.statistics.Figures.CodeCount;
import ir.hamyar.domain.statistics.Figures.OfficeResponse;
import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;
import ir.hamyar.domain.statistics.Statistics;
import ir.hamyar.domain.statistics.StatsSnapshot;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /stats}: the caller's figures (the whole network for admins, their offices' for managers) as a Persian
 * text summary, then a bar chart of members by region and a line chart of weekly registrations, sent as photos.
 */
@Component
class StatsCommand implements CommandHandler {

    static final int MAX_LINES = 10;

    private final Access access;
    private final Statistics statistics;
    private final StatsCharts charts;

    StatsCommand(Access access, Statistics statistics, StatsCharts charts) {
        this.access = access;
        this.statistics = statistics;
        this.charts = charts;
    }

    @Configuration(proxyBeanMethods = false)
    static class Entries {
        @Bean
        AdminEntry statsEntry() {
            return new AdminEntry("stats.menu", 40, "stats", Action.VIEW_STATS);
        }

        @Bean
        AdminEntry exportEntry() {
            return new AdminEntry("stats.export_menu", 45, "export", Action.EXPORT_DATA);
        }
    }

    @Override
    public Set<String> commands() {
        return Set.of("stats");
    }

    @Override
    public List<Reply> handle(Inbound command, Session session) {
        Caller caller = access.caller(session);
        Scope scope = access.scope(caller, Action.VIEW_STATS);
        if (scope.isEmpty()) {
            return List.of(Reply.text("stats.not_allowed"));
        }
        StatsSnapshot s = statistics.snapshot(StatsScopes.of(scope));
        Locale locale = session.locale();
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.text(Text.of("common.raw", summary(s, scope, locale))));
        List<RegionCount> regions = scope.network() ? s.membersByProvince() : s.membersByCounty();
        if (!regions.isEmpty()) {
            replies.add(new Reply.SendImage(null, "members.png", charts.membersBar(regions, scope.network()
                    ? "stats.chart_members_province" : "stats.chart_members_county", locale),
                    Text.of("stats.chart_caption_members")));
        }
        replies.add(new Reply.SendImage(null, "registrations.png", charts.registrationsLine(s.registrationsPerWeek(),
                locale), Text.of("stats.chart_caption_registrations")));
        return replies;
    }

    /** The whole summary in the chat's language; names are escaped by the renderer as one raw argument. */
    static String summary(StatsSnapshot s, Scope scope, Locale locale) {
        List<String> lines = new ArrayList<>();
        String date = JalaliDates.formatLong(s.at(), locale);
        lines.add(scope.network() ? plain(locale, "stats.title_network", date)
                : plain(locale, "stats.title_scope", StatsScopes.officeNames(scope), date));
        lines.add("");
        lines.add(plain(locale, "stats.members", s.members()));
        List<RegionCount> regions = scope.network() ? s.membersByProvince() : s.membersByCounty();
        if (!regions.isEmpty()) {
            lines.add(plain(locale, scope.network() ? "stats.members_by_province" : "stats.members_by_county"));
            regions.stream().limit(MAX_LINES).forEach(r -> lines.add(plain(locale, "stats.region_line", r.name(),
                    r.members())));
            if (regions.size() > MAX_LINES) {
                List<RegionCount> rest = regions.subList(MAX_LINES, regions.size());
                lines.add(plain(locale, "stats.more_regions", rest.size(),
                        rest.stream().mapToLong(RegionCount::members).sum()));
            }
        }
        lines.add("");
        List<WeekCount> weeks = s.registrationsPerWeek();
        lines.add(plain(locale, "stats.registrations", weeks.stream().mapToLong(WeekCount::registrations).sum(),
                weeks.isEmpty() ? 0 : weeks.get(weeks.size() - 1).registrations()));
        lines.add("");
        if (s.reports() == 0) {
            lines.add(plain(locale, "stats.reports_none"));
        } else {
            lines.add(plain(locale, "stats.reports", s.reports()));
            lines.add(plain(locale, "stats.by_status"));
            for (CodeCount c : s.reportsByStatus()) {
                lines.add(plain(locale, "stats.count_line", label(locale, "stats.status.", c.code()), c.reports()));
            }
            lines.add(plain(locale, "stats.by_category"));
            for (CodeCount c : s.reportsByCategory()) {
                lines.add(plain(locale, "stats.count_line", label(locale, "reporting.category.", c.code()), c.reports()));
            }
        }
        lines.add("");
        lines.add(plain(locale, "stats.response_title", s.responseWindowDays()));
        if (s.firstResponses().isEmpty()) {
            lines.add(plain(locale, "stats.response_empty"));
        }
        s.firstResponses().stream().limit(MAX_LINES).forEach(r -> lines.add(plain(locale, "stats.response_line",
                r.officeName(), r.median() == null ? plain(locale, "stats.response_none") : duration(r.median(), locale),
                r.responded(), r.awaiting())));
        if (s.firstResponses().size() > MAX_LINES) {
            lines.add(plain(locale, "stats.response_more", s.firstResponses().size() - MAX_LINES));
        }
        lines.add("");
        lines.add(plain(locale, "stats.courses", s.courses().courses(), s.courses().open(), s.courses().finished(),
                s.courses().enrolments(), s.courses().completions()));
        lines.add(plain(locale, "stats.appointments", s.appointments().active(), s.appointments().expiringSoon(),
                s.appointments().withinDays()));
        return String.join("\n", lines);
    }

    static String duration(Duration d, Locale locale) {
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return plain(locale, "stats.minutes", d.toMinutes());
        }
        if (d.compareTo(Duration.ofHours(48)) < 0) {
            return plain(locale, "stats.hours", d.toMinutes() / 60.0);
        }
        return plain(locale, "stats.days", d.toMinutes() / 1440.0);
    }

    /** A code's label when the bundles have one (categories are data an admin may extend), else the code. */
    static String label(Locale locale, String prefix, String code) {
        return Texts.has(prefix + code) ? plain(locale, prefix + code) : code;
    }

    /** The text without markup: the summary goes out as one raw argument, escaped once by the renderer. */
    private static String plain(Locale locale, String key, Object... args) {
        return ir.hamyar.messages.ChatText.htmlToPlain(Texts.get(locale, key, args));
    }
}

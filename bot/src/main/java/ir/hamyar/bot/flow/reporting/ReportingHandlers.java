package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportActor;
import ir.hamyar.domain.reporting.ReportFilter;
import ir.hamyar.domain.reporting.ReportStatus;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reporting commands and buttons outside the /report form: the menu entries, {@code /myreports},
 * {@code /track <code>}, a manager's {@code /reports} with its filters, the alert-card buttons and the
 * reporter's answer to the follow-up question. Every button is re-authorised against the database.
 */
@Configuration
class ReportingHandlers {

    static final String LIST = "rls";
    static final String FOLLOW_UP = "rfu";
    static final int LIST_SHOWN = 30;
    static final List<ReportStatus> FILTER_STATUSES = List.of(ReportStatus.NEW, ReportStatus.ACKNOWLEDGED,
            ReportStatus.IN_PROGRESS, ReportStatus.REOPENED);

    @Bean
    MenuEntry reportMenu() {
        return new MenuEntry("reporting.menu.report", 20, "report");
    }

    @Bean
    MenuEntry myReportsMenu() {
        return new MenuEntry("reporting.menu.myreports", 21, "myreports");
    }

    @Bean
    CommandHandler myReportsCommand(ProblemReporting reporting, ReportActors actors, ReportTexts texts) {
        return command("myreports", (in, s) -> {
            Optional<MemberView> m = actors.member(s);
            if (m.isEmpty()) {
                return List.of(Reply.text("reporting.not_member"));
            }
            List<ReportView> mine = reporting.ofReporter(m.get().id());
            if (mine.isEmpty()) {
                return List.of(Reply.text("reporting.myreports_empty"));
            }
            List<Text> lines = mine.stream().limit(LIST_SHOWN).map(r -> Text.of("reporting.my_line", r.trackingCode(),
                    r.title(), ReportTexts.status(r.status()), JalaliDates.formatShort(r.createdAt(), s.locale())))
                    .toList();
            return List.of(Reply.text("reporting.myreports_title", ReportTexts.lines(lines)));
        });
    }

    /**
     * {@code /track <code>}: the reporter sees the status; a manager who may act on it sees the card with
     * every action; anyone else learns nothing (not even that the code exists).
     */
    @Bean
    CommandHandler trackCommand(ProblemReporting reporting, ReportActors actors, ReportTexts texts) {
        return command("track", (in, s) -> {
            String arg = PersianText.normalize(in.commandArgument());
            if (arg.isBlank()) {
                return List.of(Reply.text("reporting.track_usage"));
            }
            Optional<ReportView> report = reporting.byTrackingCode(arg);
            Optional<ReportActor> actor = actors.of(s);
            if (report.isPresent() && actor.isPresent() && reporting.mayManage(report.get().id(), actor.get())) {
                return List.of(Reply.text(texts.card(report.get()), ReportTexts.privateCardKeyboard(report.get())));
            }
            Optional<MemberView> m = actors.member(s);
            if (report.isPresent() && m.isPresent() && Objects.equals(report.get().reporterId(), m.get().id())) {
                return List.of(Reply.text(texts.trackView(report.get(), s.locale())));
            }
            return List.of(Reply.text("reporting.track_not_found"));
        });
    }

    /** {@code /reports}: the open reports of each office the member manages (admins: also the admins' queue). */
    @Bean
    CommandHandler reportsCommand(ProblemReporting reporting, ReportActors actors, ReportTexts texts) {
        return command("reports", (in, s) -> {
            List<Long> managed = actors.ownOffices(s);
            List<Reply> replies = new ArrayList<>();
            for (Long office : managed) {
                replies.add(Reply.text(list(reporting, texts, office, ReportFilter.NONE, s),
                        filters(texts, office, ReportFilter.NONE, reporting.categories())));
            }
            if (actors.isAdmin(s)) {
                replies.add(Reply.text(list(reporting, texts, null, ReportFilter.NONE, s),
                        filters(texts, null, ReportFilter.NONE, reporting.categories())));
            }
            return replies.isEmpty() ? List.of(Reply.text("reporting.reports_not_manager")) : replies;
        });
    }

    static Text list(ProblemReporting reporting, ReportTexts texts, Long office, ReportFilter filter, Session s) {
        List<ReportView> open = reporting.openOfOffice(office, filter);
        Text name = texts.officeName(office);
        if (open.isEmpty()) {
            return Text.of("reporting.reports_empty", name);
        }
        List<Text> lines = new ArrayList<>(open.stream().limit(LIST_SHOWN).map(r -> texts.listLine(r, s.locale())).toList());
        if (open.size() > LIST_SHOWN) {
            lines.add(Text.of("reporting.list_more", open.size() - LIST_SHOWN));
        }
        return Text.of("reporting.reports_title", name, open.size(), ReportTexts.lines(lines));
    }

    /** Filter buttons {@code rls:<office|a>:<status|->:<category|->}; the chosen ones are marked. */
    static Keyboard filters(ReportTexts texts, Long office, ReportFilter f, List<String> categories) {
        String o = office == null ? "a" : office.toString();
        String cat = f.category() == null ? "-" : f.category();
        String st = f.status() == null ? "-" : f.status().name();
        Keyboard.Builder b = Keyboard.inline();
        List<Button> statuses = new ArrayList<>();
        statuses.add(mark(Text.of("reporting.filter_all_statuses"), f.status() == null,
                LIST + ":" + o + ":-:" + cat));
        for (ReportStatus status : FILTER_STATUSES) {
            statuses.add(mark(ReportTexts.status(status), status == f.status(), LIST + ":" + o + ":" + status.name()
                    + ":" + cat));
        }
        b.row(statuses.subList(0, 3)).row(statuses.subList(3, statuses.size()));
        List<Button> row = new ArrayList<>();
        row.add(mark(Text.of("reporting.filter_all_categories"), f.category() == null, LIST + ":" + o + ":" + st + ":-"));
        for (String c : categories) {
            if (row.size() == 3) {
                b.row(row);
                row = new ArrayList<>();
            }
            row.add(mark(texts.category(c), c.equals(f.category()), LIST + ":" + o + ":" + st + ":" + c));
        }
        b.row(row);
        return b.build();
    }

    private static Button mark(Text label, boolean chosen, String data) {
        return Button.callback(chosen ? Text.of("reporting.chosen", label) : label, data);
    }

    @Bean
    CallbackHandler listFilter(ProblemReporting reporting, ReportActors actors, ReportTexts texts) {
        return callback(LIST, (in, s) -> {
            String[] parts = in.callbackData().split(":", -1);
            Optional<ReportActor> actor = actors.of(s);
            if (parts.length != 4 || actor.isEmpty()) {
                return stale(in);
            }
            Long office;
            if ("a".equals(parts[1])) {
                if (!actors.isAdmin(s)) {
                    return refuse(in, "reporting.reports_not_manager");
                }
                office = null;
            } else {
                Optional<Long> id = ReportActors.idAfter(parts[1], "");
                if (id.isEmpty() || !actors.mayList(s, id.get())) {
                    return refuse(in, "reporting.reports_not_manager");
                }
                office = id.get();
            }
            ReportStatus status = null;
            if (!"-".equals(parts[2])) {
                status = FILTER_STATUSES.stream().filter(x -> x.name().equals(parts[2])).findFirst().orElse(null);
                if (status == null) {
                    return stale(in);
                }
            }
            List<String> categories = reporting.categories();
            String category = "-".equals(parts[3]) ? null : parts[3];
            if (category != null && !categories.contains(category)) {
                return stale(in);
            }
            ReportFilter filter = new ReportFilter(status, category);
            Text text = list(reporting, texts, office, filter, s);
            Keyboard keyboard = filters(texts, office, filter, categories);
            Reply show = in.messageId() == null ? Reply.text(text, keyboard)
                    : new Reply.Edit(null, in.messageId(), text, keyboard);
            return List.of(show);
        });
    }

    /**
     * The alert-card buttons {@code rep:<ack|prog|res|rej|fwd>:<report id>}, pressed in an office group, an
     * admin's chat or a manager's private card. Only who may manage the report changes anything; the cards
     * are then edited in place by the notifications on the status change.
     */
    @Bean
    CallbackHandler cardButtons(ProblemReporting reporting, ReportActors actors, ReportTexts texts) {
        return callback(ReportTexts.CARD, (in, s) -> {
            String[] parts = in.callbackData().split(":", -1);
            Optional<Long> id = parts.length == 3 ? ReportActors.idAfter(parts[2], "") : Optional.empty();
            if (id.isEmpty()) {
                return stale(in);
            }
            long reportId = id.get();
            Optional<ReportActor> actor = actors.of(s);
            if (actor.isEmpty() || !reporting.mayManage(reportId, actor.get())) {
                return refuse(in, "reporting.only_managers");
            }
            if (in.messageId() != null) {
                reporting.rememberCard(reportId, s.platform(), s.chat().chatId(), in.messageId());
            }
            ActionResult result;
            switch (parts[1]) {
                case "ack" -> result = reporting.acknowledge(reportId, actor.get());
                case "prog" -> result = reporting.startProgress(reportId, actor.get());
                case "res" -> result = reporting.resolve(reportId, actor.get());
                case "rej", "fwd" -> {
                    return privatePrompt(in, s, reporting, reportId, parts[1].equals("rej"));
                }
                default -> {
                    return stale(in);
                }
            }
            if (result instanceof ActionResult.Refused refused) {
                List<Reply> replies = new ArrayList<>(refuse(in, "reporting.action_refused." + refused.reason().name()));
                Optional<ReportView> now = reporting.find(reportId);
                if (now.isPresent() && in.messageId() != null) {
                    replies.add(new Reply.Edit(null, in.messageId(), texts.card(now.get()),
                            ReportTexts.cardKeyboard(now.get())));
                }
                return replies;
            }
            return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("reporting.done")));
        });
    }

    /** Reject and forward need typing: the manager continues in their private chat with the bot. */
    private static List<Reply> privatePrompt(Inbound in, Session s, ProblemReporting reporting, long reportId,
                                             boolean reject) {
        Optional<ReportView> r = reporting.find(reportId);
        if (r.isEmpty() || !r.get().status().isOpen()) {
            return refuse(in, "reporting.action_refused.WRONG_STATE");
        }
        ChatRef manager = new ChatRef(s.platform(), s.userId());
        Keyboard start = Keyboard.inline().row(reject
                ? Button.callback(Text.of("reporting.write_reason"), RejectFlow.ID + ":start:" + reportId)
                : Button.callback(Text.of("reporting.choose_office"), ForwardFlow.ID + ":start:" + reportId)).build();
        Text prompt = Text.of(reject ? "reporting.reject_prompt" : "reporting.forward_prompt", r.get().trackingCode(),
                r.get().title());
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("reporting.check_private")),
                Reply.to(manager, prompt, start));
    }

    /** The reporter's answer to "is it really fixed?": {@code rfu:<yes|no>:<report id>}. */
    @Bean
    CallbackHandler followUpAnswer(ProblemReporting reporting, ReportActors actors) {
        return callback(FOLLOW_UP, (in, s) -> {
            String data = in.callbackData();
            boolean fixed = data.startsWith(FOLLOW_UP + ":yes:");
            Optional<Long> id = ReportActors.idAfter(data, FOLLOW_UP + (fixed ? ":yes:" : ":no:"));
            Optional<MemberView> m = actors.member(s);
            if (id.isEmpty() || m.isEmpty()) {
                return stale(in);
            }
            ActionResult r = fixed ? reporting.confirmFixed(id.get(), m.get().id()) : reporting.reopen(id.get(), m.get().id());
            if (r instanceof ActionResult.Refused refused) {
                return refuse(in, "reporting.action_refused." + refused.reason().name());
            }
            ReportView report = ((ActionResult.Done) r).report();
            List<Reply> replies = new ArrayList<>();
            if (in.messageId() != null) {
                replies.add(new Reply.Edit(null, in.messageId(), Text.of("reporting.followup_question",
                        report.trackingCode(), report.title()), null));
            }
            replies.add(fixed ? Reply.text("reporting.followup_thanks")
                    : Reply.text("reporting.reopened_ok", report.trackingCode()));
            return replies;
        });
    }

    static List<Reply> stale(Inbound in) {
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("runtime.callback_stale")));
    }

    static List<Reply> refuse(Inbound in, String key) {
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of(key)));
    }

    private interface Handling {
        List<Reply> handle(Inbound in, Session s);
    }

    private static CommandHandler command(String word, Handling h) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of(word);
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                return h.handle(command, session);
            }
        };
    }

    private static CallbackHandler callback(String prefix, Handling h) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                return h.handle(callback, session);
            }
        };
    }
}

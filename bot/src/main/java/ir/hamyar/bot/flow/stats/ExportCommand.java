package ir.hamyar.bot.flow.stats;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.admin.Scope;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.statistics.DataExports;
import ir.hamyar.domain.statistics.ExportRows.Export;
import ir.hamyar.domain.statistics.StatsScope;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /export}: a button per kind of data; a press ({@code exp:<kind>}) is authorised afresh and answers with a
 * CSV document of the caller's scope (everything for admins, their offices' members, reports, enrolments and
 * appointments for managers). Each export is audited as {@code DATA_EXPORTED}. An export holds at most
 * {@code hamyar.stats.export-max-rows} rows (default 20,000): the file travels through the outbox as one message
 * and the Bot API takes documents up to 50 MB, so a larger scope gets its first rows and a clear note.
 */
@Component
class ExportCommand implements CommandHandler, CallbackHandler {

    static final String PREFIX = "exp";
    static final List<String> KINDS = List.of("members", "reports", "enrolments", "appointments");

    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    private final Access access;
    private final DataExports exports;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxRows;

    ExportCommand(Access access, DataExports exports, AuditTrail audit,
                  org.springframework.beans.factory.ObjectProvider<Clock> clock,
                  @Value("${hamyar.stats.export-max-rows:20000}") int maxRows) {
        this.access = access;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.maxRows = Math.max(1, Math.min(DataExports.MAX_ROWS_LIMIT, maxRows));
    }

    @Override
    public Set<String> commands() {
        return Set.of("export");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<Reply> handle(Inbound in, Session session) {
        Caller caller = access.caller(session);
        Scope scope = access.scope(caller, Action.EXPORT_DATA);
        boolean pressed = in.callbackData() != null && in.callbackData().startsWith(PREFIX + ":");
        if (scope.isEmpty()) {
            return answered(in, pressed, List.of(Reply.text("stats.not_allowed")));
        }
        if (!pressed) {
            return List.of(menu(scope));
        }
        String kind = in.callbackData().substring(PREFIX.length() + 1);
        if (!KINDS.contains(kind)) {
            return answered(in, true, List.of(Reply.text("stats.export.unknown")));
        }
        return answered(in, true, export(kind, caller, scope, session.locale()));
    }

    private Reply menu(Scope scope) {
        Keyboard.Builder keyboard = Keyboard.inline();
        KINDS.forEach(kind -> keyboard.row(Button.callback(Text.of("stats.export.kind." + kind), PREFIX + ":" + kind)));
        Object where = scope.network() ? Text.of("stats.export.scope_network") : StatsScopes.officeNames(scope);
        return Reply.text(Text.of("stats.export.choose", where), keyboard.build());
    }

    private List<Reply> export(String kind, Caller caller, Scope scope, Locale locale) {
        StatsScope where = StatsScopes.of(scope);
        Export<?> export;
        byte[] csv;
        switch (kind) {
            case "members" -> {
                var e = exports.members(where, maxRows);
                export = e;
                csv = CsvExports.members(e.rows(), locale);
            }
            case "reports" -> {
                var e = exports.reports(where, maxRows);
                export = e;
                csv = CsvExports.reports(e.rows(), locale);
            }
            case "enrolments" -> {
                var e = exports.enrolments(where, maxRows);
                export = e;
                csv = CsvExports.enrolments(e.rows(), locale);
            }
            default -> {
                var e = exports.appointments(where, maxRows);
                export = e;
                csv = CsvExports.appointments(e.rows(), locale);
            }
        }
        Long officeId = scope.network() || scope.offices().isEmpty() ? null : scope.offices().get(0).id();
        audit.record(caller.auditActor(), "DATA_EXPORTED", kind.toUpperCase(Locale.ROOT), null, officeId,
                String.valueOf(export.rows().size()));
        log.info("{} export of {} rows (scope: {})", kind, export.rows().size(), scope.network() ? "network" : "offices");

        String date = PersianText.toAsciiDigits(JalaliDates.formatShort(clock.instant(), Texts.FA)).replace('/', '-');
        String fileName = Texts.get(Texts.FA, "stats.export.file." + kind) + "-" + date + ".csv";
        Object scopeName = scope.network() ? Text.of("stats.export.scope_network") : StatsScopes.officeNames(scope);
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.SendDocument(null, fileName, csv,
                Text.of("stats.export.caption", Text.of("stats.export.kind." + kind), export.rows().size(), scopeName)));
        if (export.truncated()) {
            replies.add(Reply.text("stats.export.truncated", export.rows().size(), export.total()));
        }
        return replies;
    }

    private static List<Reply> answered(Inbound in, boolean pressed, List<Reply> replies) {
        if (!pressed) {
            return replies;
        }
        List<Reply> all = new ArrayList<>();
        all.add(new Reply.AnswerCallback(null, in.callbackId(), null));
        all.addAll(replies);
        return all;
    }
}

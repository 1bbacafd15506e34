package ir.hamyar.bot.admin.console;

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
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /audit [member code]}: the audit trail, newest first, {@value #PAGE} entries a page, with buttons to page
 * and to filter by decision type and by office; the member code typed after the command filters by actor. Admins see
 * every entry; managers only those of the offices in their scope. The filter travels in the buttons
 * ({@code au:p:<page>:<type>:<office>:<actor>}) and every press is authorised again, so a forged office is refused.
 */
@Component
class AuditListing implements CommandHandler, CallbackHandler {

    static final String PREFIX = "au";
    static final int PAGE = 8;
    static final int MAX_PAGE = 999;
    static final int OFFICES_SHOWN = 24;
    static final int REASON_SHOWN = 160;

    /** The decision types offered as filters (by index in the buttons); each has its label in the admin bundle. */
    static final List<String> TYPES = List.of("APPLICATION_SUBMITTED", "APPLICATION_INFO_REQUESTED",
            "APPLICATION_APPROVED", "APPLICATION_REJECTED", "APPOINTMENT_ISSUED", "APPOINTMENT_RENEWED",
            "APPOINTMENT_REVOKED", "APPOINTMENT_EXPIRED", "REPORT_ACKNOWLEDGED", "REPORT_IN_PROGRESS",
            "REPORT_RESOLVED", "REPORT_REJECTED", "REPORT_FORWARDED", "ROLE_GRANTED", "ROLE_REVOKED",
            "MEMBER_SUSPENDED", "MEMBER_REINSTATED", "MEMBER_ERASED", "BROADCAST_SENT", "BROADCAST_SCHEDULED",
            "BROADCAST_CANCELLED", "CONTENT_EDITED", "DATA_EXPORTED");

    /** What is listed: page from 0, and the filters (null: any). */
    record View(int page, Integer type, Long office, Long actor) {

        String data() {
            return PREFIX + ":p:" + page + ":" + dash(type) + ":" + dash(office) + ":" + dash(actor);
        }

        View at(int p) {
            return new View(p, type, office, actor);
        }

        boolean filtered() {
            return type != null || office != null || actor != null;
        }
    }

    private final Access access;
    private final AuditTrail audit;
    private final Membership membership;
    private final Offices offices;
    private final MemberLookup lookup;

    AuditListing(Access access, AuditTrail audit, Membership membership, Offices offices, MemberLookup lookup) {
        this.access = access;
        this.audit = audit;
        this.membership = membership;
        this.offices = offices;
        this.lookup = lookup;
    }

    @Override
    public Set<String> commands() {
        return Set.of("audit");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<Reply> handle(Inbound in, Session s) {
        Caller caller = access.caller(s);
        Scope scope = access.scope(caller, Action.VIEW_AUDIT);
        boolean pressed = in.kind() == Inbound.Kind.CALLBACK && in.callbackData().startsWith(PREFIX + ":");
        if (scope.isEmpty()) {
            return pressed ? refuse(in, "runtime.not_allowed") : List.of(Reply.text("runtime.not_allowed"));
        }
        if (!pressed) {
            String arg = PersianText.normalize(in.commandArgument());
            Long actor = null;
            if (!arg.isBlank()) {
                Optional<MemberView> m = lookup.member(arg);
                if (m.isEmpty()) {
                    return List.of(Reply.text("admin.audit.actor_unknown"));
                }
                actor = m.get().id();
            }
            return List.of(page(new View(0, null, null, actor), scope, s, null));
        }
        String[] p = in.callbackData().split(":", -1);
        Optional<View> view = switch (p[1]) {
            case "p" -> p.length == 6 ? view(p[2], p[3], p[4], p[5]) : Optional.empty();
            case "t", "o" -> p.length == 4 ? view("0", p[1].equals("o") ? p[2] : "-", p[1].equals("t") ? p[2] : "-",
                    p[3]) : Optional.empty();
            default -> Optional.empty();
        };
        if (view.isEmpty()) {
            return refuse(in, "runtime.callback_stale");
        }
        if (view.get().office() != null && !scope.covers(view.get().office())) {
            return refuse(in, "admin.audit.office_not_yours");
        }
        return switch (p[1]) {
            case "t" -> List.of(edit(in, Text.of("admin.audit.choose_type"), types(view.get())));
            case "o" -> List.of(edit(in, Text.of("admin.audit.choose_office"), officesKeyboard(view.get(), scope)));
            default -> List.of(page(view.get(), scope, s, in));
        };
    }

    private Reply page(View v, Scope scope, Session s, Inbound pressed) {
        AuditFilter f = AuditFilter.all().withAction(v.type() == null ? null : TYPES.get(v.type()))
                .withOffice(v.office()).withActor(v.actor());
        if (!scope.network()) {
            f = f.withOffices(scope.officeIds());
        }
        List<AuditEntry> entries = audit.list(f.page(PAGE + 1, v.page() * PAGE));
        boolean more = entries.size() > PAGE;
        Map<Long, Text> people = new HashMap<>();
        List<Text> lines = entries.stream().limit(PAGE).map(e -> line(e, s.locale(), people)).toList();
        Text body = Text.of("admin.audit.page", v.page() + 1, filters(v),
                lines.isEmpty() ? Text.of("admin.audit.empty") : Lines.of(lines));
        Keyboard.Builder b = Keyboard.inline();
        List<Button> paging = new ArrayList<>();
        if (v.page() > 0) {
            paging.add(Button.callback(Text.of("common.previous_page"), v.at(v.page() - 1).data()));
        }
        if (more && v.page() < MAX_PAGE) {
            paging.add(Button.callback(Text.of("common.next_page"), v.at(v.page() + 1).data()));
        }
        if (!paging.isEmpty()) {
            b.row(paging);
        }
        b.row(Button.callback(Text.of("admin.audit.by_type"), PREFIX + ":t:" + dash(v.office()) + ":" + dash(v.actor())),
                Button.callback(Text.of("admin.audit.by_office"),
                        PREFIX + ":o:" + dash(v.type()) + ":" + dash(v.actor())));
        if (v.filtered()) {
            b.row(Button.callback(Text.of("admin.audit.clear"), new View(0, null, null, null).data()));
        }
        return pressed == null ? Reply.text(body, b.build()) : edit(pressed, body, b.build());
    }

    private Text filters(View v) {
        Text any = Text.of("admin.audit.any");
        Text type = v.type() == null ? any : actionLabel(TYPES.get(v.type()));
        Text office = v.office() == null ? any : officeName(v.office());
        Text actor = v.actor() == null ? any : membership.find(v.actor()).map(MemberLookup::describe).orElse(any);
        return Text.of("admin.audit.filters", type, office, actor);
    }

    private Text line(AuditEntry e, Locale locale, Map<Long, Text> people) {
        Text subject = Text.of("admin.audit.subject", label("admin.audit.subject.",
                e.subjectType().toUpperCase(Locale.ROOT)), e.subjectId() == null ? "" : "#" + e.subjectId());
        Text office = e.officeId() == null ? Text.of("common.raw", "")
                : Text.of("admin.audit.office_part", officeName(e.officeId()));
        Text reason = e.reason() == null || e.reason().isBlank() ? Text.of("common.raw", "")
                : Text.of("admin.audit.reason_part", clip(e.reason()));
        return Text.of("admin.audit.entry", JalaliDates.formatDateTime(e.at(), locale), actionLabel(e.action()),
                actor(e.actor(), people), subject, office, reason);
    }

    private Text actor(Actor a, Map<Long, Text> people) {
        if (a.memberId() != null) {
            return people.computeIfAbsent(a.memberId(), id -> membership.find(id).map(MemberLookup::describe)
                    .orElse(Text.of("admin.member_erased", Long.toString(id))));
        }
        if (a.platform() != null && a.userId() != null) {
            return Text.of("admin.account", Text.of("membership.platform." + a.platform().name()),
                    Long.toString(a.userId()));
        }
        return Text.of("admin.audit.system");
    }

    static Text actionLabel(String code) {
        return label("admin.audit.action.", code);
    }

    private static Text label(String prefix, String code) {
        return Texts.has(prefix + code) ? Text.of(prefix + code) : Text.of("common.raw", code);
    }

    private Text officeName(long id) {
        return offices.find(id).map(o -> Text.of("common.raw", o.name())).orElse(Text.of("common.raw", "#" + id));
    }

    private Keyboard types(View v) {
        Keyboard.Builder b = Keyboard.inline();
        b.row(Button.callback(Text.of("admin.audit.any"), new View(0, null, v.office(), v.actor()).data()));
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            row.add(Button.callback(actionLabel(TYPES.get(i)), new View(0, i, v.office(), v.actor()).data()));
            if (row.size() == 2) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            b.row(row);
        }
        return b.build();
    }

    /** Managers choose among their offices; admins among the offices of the newest entries. */
    private Keyboard officesKeyboard(View v, Scope scope) {
        List<OfficeView> choice;
        if (scope.network()) {
            Set<Long> recent = new LinkedHashSet<>();
            audit.list(AuditFilter.all().page(500, 0)).forEach(e -> {
                if (e.officeId() != null) {
                    recent.add(e.officeId());
                }
            });
            choice = recent.stream().map(offices::find).flatMap(Optional::stream).toList();
        } else {
            choice = scope.offices().stream().sorted(Comparator.comparing(OfficeView::name)).toList();
        }
        Keyboard.Builder b = Keyboard.inline();
        b.row(Button.callback(Text.of("admin.audit.any"), new View(0, v.type(), null, v.actor()).data()));
        choice.stream().limit(OFFICES_SHOWN).forEach(o -> b.row(Button.callback(Text.of("common.raw", o.name()),
                new View(0, v.type(), o.id(), v.actor()).data())));
        return b.build();
    }

    private static Optional<View> view(String page, String type, String office, String actor) {
        Optional<Long> p = Ids.parse(page).filter(n -> n <= MAX_PAGE);
        Optional<Integer> t = "-".equals(type) ? Optional.of(-1)
                : Ids.parse(type).filter(n -> n < TYPES.size()).map(Long::intValue);
        Optional<Long> o = "-".equals(office) ? Optional.of(-1L) : Ids.parse(office);
        Optional<Long> a = "-".equals(actor) ? Optional.of(-1L) : Ids.parse(actor);
        if (p.isEmpty() || t.isEmpty() || o.isEmpty() || a.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new View(p.get().intValue(), t.get() < 0 ? null : t.get(), o.get() < 0 ? null : o.get(),
                a.get() < 0 ? null : a.get()));
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String clip(String s) {
        return s.codePointCount(0, s.length()) <= REASON_SHOWN ? s
                : s.substring(0, s.offsetByCodePoints(0, REASON_SHOWN - 1)) + "…";
    }

    private static Reply edit(Inbound in, Text text, Keyboard keyboard) {
        return in.messageId() == null ? Reply.text(text, keyboard) : new Reply.Edit(null, in.messageId(), text, keyboard);
    }

    private static List<Reply> refuse(Inbound in, String key) {
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of(key)), Reply.text(key));
    }
}

package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.PagedKeyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.broadcasting.BroadcastingSettings;
import ir.hamyar.domain.broadcasting.Broadcasting;
import ir.hamyar.domain.broadcasting.CreateResult;
import ir.hamyar.domain.broadcasting.DeliveryKind;
import ir.hamyar.domain.broadcasting.NewBroadcast;
import ir.hamyar.domain.broadcasting.TransitionResult;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.WorkingGroupView;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /broadcast} for admins: audience (all, a province, a county, a working group, an office's members,
 * office managers of the country or of a province, a course's enrolees), the recipient count,
 * the text (delivered as plain text: escaped for Telegram's HTML, as typed on Bale), an optional photo and
 * link button, a preview exactly as members get it, then send now or at a Jalali date and time (Tehran).
 * Confirming stores the broadcast and all its deliveries in this update's transaction.
 *
 * <p>An office manager gets the same flow scoped to the members of an office they manage: fixed when they manage
 * one, picked among theirs when several. Every input of a scoped draft that would pick another audience is
 * refused, and the right to send is asked again of {@link BroadcastAuthority} when the broadcast is confirmed.
 */
@Component
class BroadcastFlow extends Flow<BroadcastFlow.Step, BroadcastDraft> {

    static final String ID = "bc";

    enum Step { AUDIENCE, PROVINCE, COUNTY, INTEREST, OFFICE, COURSE, TEXT, PHOTO, LINK, PREVIEW, SCHEDULE }

    private static final List<String> AUDIENCES = List.of("ALL", "PROVINCE", "COUNTY", "INTEREST", "OFFICE",
            "MANAGERS", "COURSE");

    /** Callback tags that pick an audience other than an office: never for a manager's (scoped) draft. */
    private static final Set<String> AUDIENCE_TAGS = Set.of("aud", "prov", "pp", "allprov", "cty", "cp", "int",
            "crs", "crp");

    private static final Set<Step> SCOPED_STEPS = EnumSet.of(Step.OFFICE, Step.TEXT, Step.PHOTO, Step.LINK,
            Step.PREVIEW, Step.SCHEDULE);

    private final BroadcastAuthority authority;
    private final Broadcasting broadcasting;
    private final BroadcastDispatcher dispatcher;
    private final Regions regions;
    private final Membership membership;
    private final Offices offices;
    private final Training training;
    private final AuditTrail audit;
    private final BroadcastingSettings settings;
    private final Clock clock;

    BroadcastFlow(BroadcastAuthority authority, Broadcasting broadcasting, BroadcastDispatcher dispatcher,
                  Regions regions, Membership membership, Offices offices, Training training, AuditTrail audit,
                  BroadcastingSettings settings, Clock clock) {
        super(ID, Step.class, BroadcastDraft.class);
        this.authority = authority;
        this.broadcasting = broadcasting;
        this.dispatcher = dispatcher;
        this.regions = regions;
        this.membership = membership;
        this.offices = offices;
        this.training = training;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Set<String> commands() {
        return Set.of("broadcast");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.COUNTY, Step.TEXT, Step.LINK, Step.SCHEDULE);
    }

    @Override
    public Transition<Step, BroadcastDraft> begin(Session session, Inbound trigger) {
        if (authority.isAdmin(session.platform(), session.userId())) {
            return Transition.goTo(Step.AUDIENCE, BroadcastDraft.empty());
        }
        List<Long> managed = authority.managedOffices(session.platform(), session.userId());
        if (managed.isEmpty()) {
            return Transition.finish(Reply.text("broadcasting.not_admin"));
        }
        List<OfficeView> own = addressable(managed);
        if (own.isEmpty()) {
            return Transition.finish(Reply.text("broadcasting.office_without_members"));
        }
        return own.size() == 1 ? Transition.goTo(Step.TEXT, BroadcastDraft.scopedTo(own.get(0).id()))
                : Transition.goTo(Step.OFFICE, BroadcastDraft.scopedTo(null));
    }

    @Override
    public Step previous(Step step, BroadcastDraft d) {
        return switch (step) {
            case AUDIENCE -> null;
            case PROVINCE, INTEREST, COURSE -> Step.AUDIENCE;
            case COUNTY -> Step.PROVINCE;
            case OFFICE -> d.scoped() ? null : Step.PROVINCE;
            case TEXT -> switch (d.audience() == null ? "ALL" : d.audience()) {
                case "PROVINCE", "MANAGERS" -> Step.PROVINCE;
                case "COUNTY" -> Step.COUNTY;
                case "INTEREST" -> Step.INTEREST;
                case "OFFICE" -> Step.OFFICE;
                case "COURSE" -> Step.COURSE;
                default -> Step.AUDIENCE;
            };
            case PHOTO -> Step.TEXT;
            case LINK -> Step.PHOTO;
            case PREVIEW -> Step.LINK;
            case SCHEDULE -> Step.PREVIEW;
        };
    }

    @Override
    public List<Reply> prompt(Step step, BroadcastDraft d, Session s) {
        boolean en = Texts.EN.equals(s.locale());
        return switch (step) {
            case AUDIENCE -> {
                Keyboard.Builder k = Keyboard.inline();
                k.row(button("broadcasting.audience_choice.ALL", ":aud:ALL"),
                        button("broadcasting.audience_choice.PROVINCE", ":aud:PROVINCE"));
                k.row(button("broadcasting.audience_choice.COUNTY", ":aud:COUNTY"),
                        button("broadcasting.audience_choice.INTEREST", ":aud:INTEREST"));
                k.row(button("broadcasting.audience_choice.OFFICE", ":aud:OFFICE"),
                        button("broadcasting.audience_choice.MANAGERS", ":aud:MANAGERS"));
                k.row(button("broadcasting.audience_choice.COURSE", ":aud:COURSE"));
                yield List.of(Reply.text(Text.of("broadcasting.ask_audience"), k.build()));
            }
            case PROVINCE -> List.of(Reply.text(provinceQuestion(d), provinces(d, d.page(), en)));
            case COUNTY -> {
                List<County> list = regions.searchCounties(d.provinceId(), d.filter() == null ? "" : d.filter());
                String province = provinceName(d.provinceId(), en);
                yield List.of(Reply.text(Text.of(list.isEmpty() ? "broadcasting.county_not_found"
                        : "broadcasting.ask_county", province), counties(list.isEmpty()
                        ? regions.counties(d.provinceId()) : list, d.page())));
            }
            case INTEREST -> List.of(Reply.text(Text.of("broadcasting.ask_interest"), interests()));
            case OFFICE -> {
                List<OfficeView> list = officeChoices(d, s);
                yield List.of(list.isEmpty() ? Reply.text(Text.of("broadcasting.no_office"), backOnly())
                        : Reply.text(Text.of("broadcasting.ask_office"), officeKeyboard(list, d.page())));
            }
            case COURSE -> {
                List<CourseView> list = courseChoices(s);
                yield List.of(list.isEmpty() ? Reply.text(Text.of("broadcasting.no_course"), backOnly())
                        : Reply.text(Text.of("broadcasting.ask_course"), courseKeyboard(list, d.page())));
            }
            case TEXT -> List.of(Reply.text(Text.of("broadcasting.ask_text",
                    audienceText(d, en), count(d)), backOnly()));
            case PHOTO -> List.of(Reply.text(Text.of("broadcasting.ask_photo"), Keyboard.inline()
                    .row(button("broadcasting.no_photo", ":skip"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case LINK -> List.of(Reply.text(Text.of("broadcasting.ask_link"), Keyboard.inline()
                    .row(button("broadcasting.no_link", ":skip"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case PREVIEW -> List.of(
                    BroadcastTexts.memberView(d.text(), d.photo(), s.platform(), d.linkLabel(), d.linkUrl(),
                            s.platform()),
                    Reply.text(Text.of("broadcasting.preview", audienceText(d, en),
                            count(d)), Keyboard.inline()
                            .row(button("broadcasting.send_now", ":now"), button("broadcasting.schedule", ":sch"))
                            .row(button("common.edit", ":edit"), button("common.cancel", ":abort"))
                            .build()));
            case SCHEDULE -> List.of(Reply.text(Text.of("broadcasting.ask_schedule",
                    JalaliDates.formatDateTime(clock.instant().plusSeconds(3600), s.locale())), backOnly()));
        };
    }

    @Override
    public Transition<Step, BroadcastDraft> onInput(Step step, BroadcastDraft d, Inbound in, Session s) {
        if (d.scoped() && (!SCOPED_STEPS.contains(step) || picksAnotherAudience(in, step))) {
            // a manager's draft: a button of another audience can only be forged or stale
            return SCOPED_STEPS.contains(step) ? Transition.reask("broadcasting.scope_refused")
                    : Transition.finish(Reply.text("broadcasting.scope_refused"));
        }
        return switch (step) {
            case AUDIENCE -> arg(in, "aud").filter(AUDIENCES::contains).map(kind -> switch (kind) {
                case "ALL" -> Transition.goTo(Step.TEXT, d.audience(kind));
                case "INTEREST" -> Transition.goTo(Step.INTEREST, d.audience(kind));
                case "COURSE" -> Transition.goTo(Step.COURSE, d.audience(kind));
                default -> Transition.<Step, BroadcastDraft>goTo(Step.PROVINCE, d.audience(kind));
            }).orElseGet(() -> Transition.reask("broadcasting.choose_from_buttons"));
            case PROVINCE -> province(d, in, s);
            case COUNTY -> county(d, in, s);
            case INTEREST -> arg(in, "int").filter(code -> interestCodes().contains(code))
                    .map(code -> Transition.goTo(Step.TEXT, d.interest(code)))
                    .orElseGet(() -> Transition.reask("broadcasting.choose_from_buttons"));
            case OFFICE -> office(d, in, s);
            case COURSE -> course(d, in, s);
            case TEXT -> text(d, in);
            case PHOTO -> photo(d, in);
            case LINK -> link(d, in);
            case PREVIEW -> preview(d, in, s);
            case SCHEDULE -> schedule(d, in, s);
        };
    }

    // ---- steps ----

    private Transition<Step, BroadcastDraft> province(BroadcastDraft d, Inbound in, Session s) {
        Optional<Integer> page = intArg(in, "pp");
        if (page.isPresent()) {
            return Transition.stay(d.page(page.get(), null), edit(in, provinceQuestion(d),
                    provinces(d, page.get(), Texts.EN.equals(s.locale()))));
        }
        if ("MANAGERS".equals(d.audience()) && is(in, ":allprov")) {
            return Transition.goTo(Step.TEXT, d.province(null));
        }
        Optional<Integer> id = intArg(in, "prov").filter(p -> regions.province(p).isPresent());
        if (id.isEmpty()) {
            return Transition.reask("broadcasting.choose_from_buttons");
        }
        BroadcastDraft next = d.province(id.get());
        return Transition.goTo(switch (d.audience() == null ? "" : d.audience()) {
            case "COUNTY" -> Step.COUNTY;
            case "OFFICE" -> Step.OFFICE;
            default -> Step.TEXT;
        }, next);
    }

    private Transition<Step, BroadcastDraft> county(BroadcastDraft d, Inbound in, Session s) {
        Optional<Integer> page = intArg(in, "cp");
        if (page.isPresent()) {
            List<County> list = regions.searchCounties(d.provinceId(), d.filter() == null ? "" : d.filter());
            return Transition.stay(d.page(page.get(), d.filter()), edit(in, Text.of("broadcasting.ask_county",
                    provinceName(d.provinceId(), Texts.EN.equals(s.locale()))), counties(list, page.get())));
        }
        if (in.kind() == Inbound.Kind.MESSAGE && in.text() != null) {
            return Transition.goTo(Step.COUNTY, d.page(0, PersianText.normalize(in.text())));
        }
        Optional<Integer> id = intArg(in, "cty").filter(c -> regions.countyBelongsTo(c, d.provinceId()));
        if (id.isEmpty()) {
            return Transition.reask("broadcasting.choose_from_buttons");
        }
        return Transition.goTo(Step.TEXT, d.county(id.get()));
    }

    private Transition<Step, BroadcastDraft> office(BroadcastDraft d, Inbound in, Session s) {
        List<OfficeView> list = officeChoices(d, s);
        Optional<Integer> page = intArg(in, "op");
        if (page.isPresent()) {
            return Transition.stay(d.page(page.get(), null), edit(in, Text.of("broadcasting.ask_office"),
                    officeKeyboard(list, page.get())));
        }
        Optional<Long> id = longArg(in, "off");
        if (id.isPresent() && list.stream().anyMatch(o -> o.id() == id.get())) {
            return Transition.goTo(Step.TEXT, d.office(id.get()));
        }
        return Transition.reask(d.scoped() && id.isPresent() ? "broadcasting.scope_refused"
                : "broadcasting.choose_from_buttons");
    }

    private Transition<Step, BroadcastDraft> course(BroadcastDraft d, Inbound in, Session s) {
        List<CourseView> list = courseChoices(s);
        Optional<Integer> page = intArg(in, "crp");
        if (page.isPresent()) {
            return Transition.stay(d.page(page.get(), null), edit(in, Text.of("broadcasting.ask_course"),
                    courseKeyboard(list, page.get())));
        }
        Optional<Long> id = longArg(in, "crs");
        if (id.isPresent() && list.stream().anyMatch(c -> c.id() == id.get())) {
            return Transition.goTo(Step.TEXT, d.course(id.get()));
        }
        return Transition.reask("broadcasting.choose_from_buttons");
    }

    private Transition<Step, BroadcastDraft> text(BroadcastDraft d, Inbound in) {
        if (in.kind() != Inbound.Kind.MESSAGE) {
            return Transition.reask("broadcasting.text_missing");
        }
        // The body is content, delivered as typed: only surrounding blanks are dropped (normalising it would
        // change its digits, paragraphs and emoji). It is escaped when rendered, never parsed.
        String body = in.text() == null ? "" : in.text().strip();
        String photo = in.photoFileIds().isEmpty() ? null : in.photoFileIds().get(in.photoFileIds().size() - 1);
        if (body.isEmpty()) {
            return Transition.reask("broadcasting.text_missing");
        }
        Optional<String> tooLong = lengthProblem(body, photo != null);
        if (tooLong.isPresent()) {
            return Transition.reask(tooLong.get());
        }
        BroadcastDraft next = d.content(body, photo);
        return Transition.goTo(photo == null ? Step.PHOTO : Step.LINK, next);
    }

    private Transition<Step, BroadcastDraft> photo(BroadcastDraft d, Inbound in) {
        if (is(in, ":skip")) {
            return Transition.goTo(Step.LINK, d.content(d.text(), null));
        }
        if (in.photoFileIds().isEmpty()) {
            return Transition.reask("broadcasting.photo_missing");
        }
        Optional<String> tooLong = lengthProblem(d.text(), true);
        if (tooLong.isPresent()) {
            return Transition.reask(tooLong.get());
        }
        return Transition.goTo(Step.LINK, d.content(d.text(), in.photoFileIds().get(in.photoFileIds().size() - 1)));
    }

    private Transition<Step, BroadcastDraft> link(BroadcastDraft d, Inbound in) {
        if (is(in, ":skip")) {
            return Transition.goTo(Step.PREVIEW, d.link(null, null));
        }
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null) {
            return Transition.reask("broadcasting.link_invalid");
        }
        String raw = in.text().strip();
        int cut = Math.max(raw.lastIndexOf('\n'), raw.lastIndexOf(' '));
        if (cut <= 0) {
            return Transition.reask("broadcasting.link_invalid");
        }
        String label = PersianText.normalize(raw.substring(0, cut));
        String url = raw.substring(cut + 1).strip();
        if (label.isEmpty() || label.length() > Broadcasting.MAX_LINK_LABEL || !Broadcasting.validUrl(url)) {
            return Transition.reask("broadcasting.link_invalid");
        }
        return Transition.goTo(Step.PREVIEW, d.link(label, url));
    }

    private Transition<Step, BroadcastDraft> preview(BroadcastDraft d, Inbound in, Session s) {
        if (is(in, ":edit")) {
            return Transition.goTo(Step.TEXT, d.content(null, null).link(null, null));
        }
        if (is(in, ":abort")) {
            return Transition.finish(Reply.text("broadcasting.aborted"));
        }
        if (is(in, ":sch")) {
            return Transition.goTo(Step.SCHEDULE, d);
        }
        if (!is(in, ":now")) {
            return Transition.reask("broadcasting.choose_from_buttons");
        }
        if (!mayStillSend(d, s)) {
            return Transition.finish(Reply.text(d.scoped() ? "broadcasting.scope_refused" : "broadcasting.not_admin"));
        }
        CreateResult created = broadcasting.create(newBroadcast(d, s));
        if (created instanceof CreateResult.Rejected r) {
            return Transition.reask("broadcasting.rejected." + r.reason().name());
        }
        long id = ((CreateResult.Created) created).broadcastId();
        broadcasting.start(id);
        dispatcher.expand(id);
        return Transition.finish(Reply.text("broadcasting.started"));
    }

    private Transition<Step, BroadcastDraft> schedule(BroadcastDraft d, Inbound in, Session s) {
        Optional<LocalDateTime> local = in.kind() == Inbound.Kind.MESSAGE
                ? JalaliDates.parseDateTime(in.text()) : Optional.empty();
        if (local.isEmpty()) {
            return Transition.reask("broadcasting.schedule_invalid");
        }
        Instant at = local.get().atZone(settings.zone()).toInstant();
        if (!at.isAfter(clock.instant())) {
            return Transition.reask("broadcasting.schedule_past");
        }
        if (!mayStillSend(d, s)) {
            return Transition.finish(Reply.text(d.scoped() ? "broadcasting.scope_refused" : "broadcasting.not_admin"));
        }
        CreateResult created = broadcasting.create(newBroadcast(d, s));
        if (created instanceof CreateResult.Rejected r) {
            return Transition.reask("broadcasting.rejected." + r.reason().name());
        }
        long id = ((CreateResult.Created) created).broadcastId();
        if (broadcasting.schedule(id, at) != TransitionResult.CHANGED) {
            return Transition.reask("broadcasting.schedule_past");
        }
        audit.record(Actor.account(s.platform(), s.userId(), authority.memberId(s.platform(), s.userId()).orElse(null)),
                BroadcastDispatcher.AUDIT_SCHEDULED, BroadcastDispatcher.AUDIT_SUBJECT, id,
                BroadcastDispatcher.officeOf(d.toAudience()), null);
        return Transition.finish(Reply.text(Text.of("broadcasting.scheduled",
                JalaliDates.formatDateTime(at, s.locale()), id), BroadcastTexts.cancelKeyboard(id)));
    }

    // ---- helpers ----

    /** Asked again at confirmation: an admin may have been removed or a manager's decree revoked meanwhile. */
    private boolean mayStillSend(BroadcastDraft d, Session s) {
        Audience a = d.toAudience();
        if (a == null || !authority.maySend(s.platform(), s.userId(), a)) {
            return false;
        }
        // a manager's office must still be one with members to address
        return authority.isAdmin(s.platform(), s.userId()) || broadcasting.isValid(a);
    }

    /** A button of another audience, or an office button anywhere but the office picker (which checks the id). */
    private static boolean picksAnotherAudience(Inbound in, Step step) {
        String data = in.callbackData();
        if (in.kind() != Inbound.Kind.CALLBACK || data == null || !data.startsWith(ID + ":")) {
            return false;
        }
        String rest = data.substring(ID.length() + 1);
        int colon = rest.indexOf(':');
        String tag = colon < 0 ? rest : rest.substring(0, colon);
        return AUDIENCE_TAGS.contains(tag) || (step != Step.OFFICE && (tag.equals("off") || tag.equals("op")));
    }

    /** The offices whose members a manager may address: active province and county offices among theirs. */
    private List<OfficeView> addressable(List<Long> officeIds) {
        return officeIds.stream().map(offices::find).flatMap(Optional::stream)
                .filter(o -> broadcasting.isValid(new Audience.OfficeMembers(o.id()))).toList();
    }

    /** A manager's own offices; for an admin the province's active province and county offices. */
    private List<OfficeView> officeChoices(BroadcastDraft d, Session s) {
        if (d.scoped()) {
            return addressable(authority.managedOffices(s.platform(), s.userId()));
        }
        if (d.provinceId() == null) {
            return List.of();
        }
        return offices.ofProvince(d.provinceId()).stream()
                .filter(o -> o.isActive() && o.level() != OfficeLevel.LOCAL).toList();
    }

    /** Courses still running (not cancelled, results not confirmed), as an admin sees them. */
    private List<CourseView> courseChoices(Session s) {
        return training.coursesRunBy(List.of(), null, s.platform(), s.userId(), true);
    }

    private Text audienceText(BroadcastDraft d, boolean en) {
        return BroadcastTexts.audience(d.toAudience(), regions, offices, training, en);
    }

    private static Text provinceQuestion(BroadcastDraft d) {
        return "MANAGERS".equals(d.audience()) ? Text.of("broadcasting.ask_managers_province")
                : Text.of("broadcasting.ask_province");
    }

    private static NewBroadcast newBroadcast(BroadcastDraft d, Session s) {
        return new NewBroadcast(s.platform(), s.userId(), d.toAudience(), d.text(), d.photo(), d.linkLabel(),
                d.linkUrl());
    }

    /** The limits apply to the text as sent: on Telegram after HTML escaping. */
    private static Optional<String> lengthProblem(String body, boolean withPhoto) {
        int length = ChatText.escapeHtml(body).length();
        if (withPhoto && length > Broadcasting.MAX_CAPTION) {
            return Optional.of("broadcasting.caption_too_long");
        }
        return length > Broadcasting.MAX_TEXT ? Optional.of("broadcasting.text_too_long") : Optional.empty();
    }

    private long count(BroadcastDraft d) {
        Audience a = d.toAudience();
        return a == null ? 0 : broadcasting.countRecipients(a, DeliveryKind.ANNOUNCEMENT);
    }

    private List<String> interestCodes() {
        return membership.workingGroups().stream().map(WorkingGroupView::code).toList();
    }

    private String provinceName(Integer id, boolean en) {
        return id == null ? "" : regions.province(id).map(en ? Province::nameEn : Province::nameFa).orElse("");
    }

    private static Button button(String key, String suffix) {
        return Button.callback(Text.of(key), ID + suffix);
    }

    private static Keyboard backOnly() {
        return Keyboard.inline().row(Button.callback(Text.of("common.back"), "nav:back")).build();
    }

    private static boolean is(Inbound in, String suffix) {
        return in.kind() == Inbound.Kind.CALLBACK && (ID + suffix).equals(in.callbackData());
    }

    private static Optional<String> arg(Inbound in, String tag) {
        String prefix = ID + ":" + tag + ":";
        String data = in.callbackData();
        return in.kind() == Inbound.Kind.CALLBACK && data != null && data.startsWith(prefix)
                ? Optional.of(data.substring(prefix.length())) : Optional.empty();
    }

    private static Optional<Integer> intArg(Inbound in, String tag) {
        return arg(in, tag).filter(v -> v.matches("[0-9]{1,6}")).map(Integer::parseInt);
    }

    private static Optional<Long> longArg(Inbound in, String tag) {
        return arg(in, tag).filter(v -> v.matches("[0-9]{1,18}")).map(Long::parseLong);
    }

    private static Reply edit(Inbound in, Text text, Keyboard keyboard) {
        return in.messageId() == null ? Reply.text(text, keyboard) : new Reply.Edit(null, in.messageId(), text, keyboard);
    }

    private Keyboard interests() {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (String code : interestCodes()) {
            String key = "membership.interest." + code;
            row.add(Button.callback(Texts.has(key) ? Text.of(key) : Text.of("common.raw", code), ID + ":int:" + code));
            if (row.size() == 2) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        b.row(row);
        b.row(Button.callback(Text.of("common.back"), "nav:back"));
        return b.build();
    }

    /** The province picker; for managers it starts with "all provinces". */
    private Keyboard provinces(BroadcastDraft d, int page, boolean en) {
        List<Button> first = "MANAGERS".equals(d.audience())
                ? List.of(button("broadcasting.all_provinces", ":allprov")) : List.of();
        return paged("prov", "pp", regions.provinces(), page,
                p -> Text.of("common.raw", en ? p.nameEn() : p.nameFa()), Province::id, first);
    }

    private static Keyboard counties(List<County> all, int page) {
        return paged("cty", "cp", all, page, c -> Text.of("common.raw", c.nameFa()), County::id, List.of());
    }

    private static Keyboard officeKeyboard(List<OfficeView> all, int page) {
        return paged("off", "op", all, page, o -> Text.of("common.raw", o.name()), OfficeView::id, List.of());
    }

    private static Keyboard courseKeyboard(List<CourseView> all, int page) {
        return paged("crs", "crp", all, page, c -> Text.of("common.raw", c.title()), CourseView::id, List.of());
    }

    private static <T> Keyboard paged(String pick, String turn, List<T> all, int page, Function<T, Text> label,
                                      Function<T, ? extends Number> id, List<Button> first) {
        return PagedKeyboard.of(ID, pick, turn, all, page, label, id, first, true);
    }
}

package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.training.Audience;
import ir.hamyar.domain.training.CourseLevel;
import ir.hamyar.domain.training.CourseMode;
import ir.hamyar.domain.training.CreateResult;
import ir.hamyar.domain.training.Creator;
import ir.hamyar.domain.training.NewCourse;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /newcourse}: admins (national or any office) and office managers (their offices) create a course step by
 * step. Sessions are typed as Jalali date and Tehran time ({@code 1405/09/10 18:30}, any digits), several in a
 * row, then "done". Every choice is checked again on confirmation.
 */
@Component
class CourseFormFlow extends Flow<CourseFormFlow.Step, CourseDraft> {

    static final String ID = "nc";

    enum Step { TITLE, DESCRIPTION, LEVEL, OFFICE, MODE, LOCATION, SESSIONS, DURATION, CAPACITY, DEADLINE, AUDIENCE,
        REGION, COUNTY, APPROVAL, SUMMARY }

    private final Training training;
    private final CourseAuthority authority;
    private final Offices offices;
    private final Regions regions;
    private final CourseCards cards;

    CourseFormFlow(Training training, CourseAuthority authority, Offices offices, Regions regions, CourseCards cards) {
        super(ID, Step.class, CourseDraft.class);
        this.training = training;
        this.authority = authority;
        this.offices = offices;
        this.regions = regions;
        this.cards = cards;
    }

    @Override
    public Set<String> commands() {
        return Set.of("newcourse");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.TITLE, Step.DESCRIPTION, Step.LOCATION, Step.SESSIONS, Step.DURATION, Step.CAPACITY,
                Step.DEADLINE);
    }

    @Override
    public Transition<Step, CourseDraft> begin(Session session, Inbound trigger) {
        if (!authority.mayCreate(session)) {
            return Transition.finish(Reply.text("training.not_allowed"));
        }
        return Transition.goTo(Step.TITLE, CourseDraft.empty());
    }

    @Override
    public Step previous(Step step, CourseDraft d) {
        return switch (step) {
            case TITLE -> null;
            case APPROVAL -> Step.AUDIENCE;
            case COUNTY -> Step.REGION;
            default -> Step.values()[step.ordinal() - 1];
        };
    }

    private static Keyboard backOnly() {
        return Keyboard.reply().row(Button.text(Text.of("common.back"))).build();
    }

    private static Button back() {
        return Button.callback(Text.of("common.back"), "nav:back");
    }

    @Override
    public List<Reply> prompt(Step step, CourseDraft d, Session s) {
        return switch (step) {
            case TITLE -> List.of(Reply.text(Text.of("training.ask_title"), backOnly()));
            case DESCRIPTION -> List.of(Reply.text(Text.of("training.ask_description"), backOnly()));
            case LEVEL -> List.of(Reply.text(Text.of("training.ask_level"), choices("lvl", CourseLevel.values(),
                    "training.level.")));
            case OFFICE -> List.of(Reply.text(Text.of("training.ask_office"), officeKeyboard(d, s)));
            case MODE -> List.of(Reply.text(Text.of("training.ask_mode"), choices("mode", CourseMode.values(),
                    "training.mode.")));
            case LOCATION -> List.of(Reply.text(Text.of(CourseMode.ONLINE.name().equals(d.mode())
                    ? "training.ask_link" : "training.ask_address"), backOnly()));
            case SESSIONS -> List.of(Reply.text(d.sessions().isEmpty() ? Text.of("training.ask_sessions")
                    : Text.of("training.sessions_so_far", sessionList(d, s)), sessionsKeyboard(d)));
            case DURATION -> List.of(Reply.text(Text.of("training.ask_duration"), Keyboard.inline()
                    .row(minutes(60), minutes(90), minutes(120), minutes(180)).row(back()).build()));
            case CAPACITY -> List.of(Reply.text(Text.of("training.ask_capacity"), backOnly()));
            case DEADLINE -> List.of(Reply.text(Text.of("training.ask_deadline"), Keyboard.inline()
                    .row(Button.callback(Text.of("training.deadline_first_session"), ID + ":dl:first"))
                    .row(back()).build()));
            case AUDIENCE -> List.of(Reply.text(Text.of("training.ask_audience"), choices("aud", Audience.values(),
                    "training.audience.")));
            case REGION -> List.of(Reply.text(Text.of("training.ask_province"), provinces("prov", s)));
            case COUNTY -> List.of(Reply.text(Text.of("training.ask_county"), counties(d.regionProvince())));
            case APPROVAL -> List.of(Reply.text(Text.of("training.ask_approval"), Keyboard.inline()
                    .row(Button.callback(Text.of("common.yes"), ID + ":appr:yes"),
                            Button.callback(Text.of("common.no"), ID + ":appr:no"))
                    .row(back()).build()));
            case SUMMARY -> List.of(Reply.text(summary(d, s), Keyboard.inline()
                    .row(Button.callback(Text.of("common.confirm"), ID + ":confirm"))
                    .row(Button.callback(Text.of("common.cancel"), ID + ":abort"))
                    .row(back()).build()));
        };
    }

    private static Button minutes(int m) {
        return Button.callback(Text.of("training.minutes", m), ID + ":dur:" + m);
    }

    private static <E extends Enum<E>> Keyboard choices(String tag, E[] values, String keyPrefix) {
        Keyboard.Builder b = Keyboard.inline();
        for (E v : values) {
            b.row(Button.callback(Text.of(keyPrefix + v.name()), ID + ":" + tag + ":" + v.name()));
        }
        return b.row(back()).build();
    }

    private Keyboard sessionsKeyboard(CourseDraft d) {
        Keyboard.Builder b = Keyboard.inline();
        if (!d.sessions().isEmpty()) {
            b.row(Button.callback(Text.of("training.sessions_done"), ID + ":sdone"),
                    Button.callback(Text.of("training.sessions_clear"), ID + ":sclear"));
        }
        return b.row(back()).build();
    }

    private Text sessionList(CourseDraft d, Session s) {
        Text list = null;
        int n = 0;
        for (Instant at : d.sessions()) {
            Text line = Text.of("training.session_typed", ++n, CourseCards.when(at, s.locale()));
            list = list == null ? line : Text.of("training.lines", list, line);
        }
        return list;
    }

    private Keyboard officeKeyboard(CourseDraft d, Session s) {
        Keyboard.Builder b = Keyboard.inline();
        boolean admin = authority.isAdmin(s);
        if (admin && d.officeProvince() != null && d.officeProvince() == 0) {
            return provinces("offp", s);
        }
        if (admin && d.officeProvince() != null) {
            for (OfficeView o : offices.ofProvince(d.officeProvince())) {
                if (o.isActive()) {
                    b.row(Button.callback(Text.of("common.raw", o.name()), ID + ":off:" + o.id()));
                }
            }
            return b.row(Button.callback(Text.of("training.office_other_province"), ID + ":offl")).row(back()).build();
        }
        if (admin) {
            b.row(Button.callback(Text.of("training.national"), ID + ":off:nat"));
        }
        for (Long id : authority.managedOffices(s)) {
            offices.find(id).ifPresent(o -> b.row(Button.callback(Text.of("common.raw", o.name()), ID + ":off:" + o.id())));
        }
        if (admin) {
            b.row(Button.callback(Text.of("training.office_by_province"), ID + ":offl"));
        }
        return b.row(back()).build();
    }

    private Keyboard provinces(String tag, Session s) {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (Province p : regions.provinces()) {
            row.add(Button.callback(Text.of("common.raw", Texts.EN.equals(s.locale()) ? p.nameEn() : p.nameFa()),
                    ID + ":" + tag + ":" + p.id()));
            if (row.size() == 3) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        return b.row(row).row(back()).build();
    }

    private Keyboard counties(Integer provinceId) {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (County c : provinceId == null ? List.<County>of() : regions.counties(provinceId)) {
            row.add(Button.callback(Text.of("common.raw", c.nameFa()), ID + ":cty:" + c.id()));
            if (row.size() == 3) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        return b.row(row).row(back()).build();
    }

    private Text summary(CourseDraft d, Session s) {
        Text audience = switch (Audience.valueOf(d.audience())) {
            case ALL -> Text.of("training.audience.ALL");
            case PROVINCE -> Text.of("training.audience_of", Text.of("training.audience.PROVINCE"),
                    regions.province(d.regionId()).map(p -> Texts.EN.equals(s.locale()) ? p.nameEn() : p.nameFa())
                            .orElse(""));
            case COUNTY -> Text.of("training.audience_of", Text.of("training.audience.COUNTY"),
                    regions.county(d.regionId()).map(County::nameFa).orElse(""));
        };
        return Text.of("training.summary", d.title(), d.description(), Text.of("training.level." + d.level()),
                cards.offeredBy(d.officeId(), s.locale()), Text.of("training.mode." + d.mode()), d.location(),
                sessionList(d, s), d.duration(), d.capacity(),
                CourseCards.when(d.deadline(), s.locale()), audience,
                Text.of(Boolean.TRUE.equals(d.approval()) ? "common.yes" : "common.no"));
    }

    // ---- answers ----

    @Override
    public Transition<Step, CourseDraft> onInput(Step step, CourseDraft d, Inbound in, Session s) {
        return switch (step) {
            case TITLE -> text(in).filter(t -> t.length() >= 3 && t.length() <= 120)
                    .map(t -> Transition.<Step, CourseDraft>goTo(Step.DESCRIPTION, d.title(t)))
                    .orElseGet(() -> Transition.reask("training.title_invalid"));
            case DESCRIPTION -> text(in).filter(t -> t.length() <= 1000)
                    .map(t -> Transition.<Step, CourseDraft>goTo(Step.LEVEL, d.description(t)))
                    .orElseGet(() -> Transition.reask("training.description_invalid"));
            case LEVEL -> arg(in, "lvl").filter(v -> isOf(CourseLevel.class, v))
                    .map(v -> Transition.<Step, CourseDraft>goTo(Step.OFFICE, d.level(v)))
                    .orElseGet(() -> Transition.reask("training.choose_from_buttons"));
            case OFFICE -> office(d, in, s);
            case MODE -> arg(in, "mode").filter(v -> isOf(CourseMode.class, v))
                    .map(v -> Transition.<Step, CourseDraft>goTo(Step.LOCATION, d.mode(v)))
                    .orElseGet(() -> Transition.reask("training.choose_from_buttons"));
            case LOCATION -> text(in).filter(t -> Training.validLocation(CourseMode.valueOf(d.mode()), t))
                    .map(t -> Transition.<Step, CourseDraft>goTo(Step.SESSIONS, d.location(t)))
                    .orElseGet(() -> Transition.reask(CourseMode.ONLINE.name().equals(d.mode())
                            ? "training.link_invalid" : "training.address_invalid"));
            case SESSIONS -> sessions(d, in);
            case DURATION -> {
                Optional<Integer> m = arg(in, "dur").or(() -> text(in)).flatMap(CourseFormFlow::number)
                        .filter(v -> v >= 15 && v <= 600);
                yield m.map(v -> Transition.<Step, CourseDraft>goTo(Step.CAPACITY, d.duration(v)))
                        .orElseGet(() -> Transition.reask("training.duration_invalid"));
            }
            case CAPACITY -> text(in).flatMap(CourseFormFlow::number).filter(v -> v >= 1 && v <= 10_000)
                    .map(v -> Transition.<Step, CourseDraft>goTo(Step.DEADLINE, d.capacity(v)))
                    .orElseGet(() -> Transition.reask("training.capacity_invalid"));
            case DEADLINE -> deadline(d, in);
            case AUDIENCE -> audience(d, in);
            case REGION -> arg(in, "prov").flatMap(CourseFormFlow::number).filter(p -> regions.province(p).isPresent())
                    .map(p -> Audience.PROVINCE.name().equals(d.audience())
                            ? Transition.<Step, CourseDraft>goTo(Step.APPROVAL, d.regionProvince(p).regionId(p))
                            : Transition.<Step, CourseDraft>goTo(Step.COUNTY, d.regionProvince(p)))
                    .orElseGet(() -> Transition.reask("training.choose_from_buttons"));
            case COUNTY -> arg(in, "cty").flatMap(CourseFormFlow::number)
                    .filter(c -> d.regionProvince() != null && regions.countyBelongsTo(c, d.regionProvince()))
                    .map(c -> Transition.<Step, CourseDraft>goTo(Step.APPROVAL, d.regionId(c)))
                    .orElseGet(() -> Transition.reask("training.choose_from_buttons"));
            case APPROVAL -> arg(in, "appr").filter(v -> v.equals("yes") || v.equals("no"))
                    .map(v -> Transition.<Step, CourseDraft>goTo(Step.SUMMARY, d.approval(v.equals("yes"))))
                    .orElseGet(() -> Transition.reask("training.choose_from_buttons"));
            case SUMMARY -> confirm(d, in, s);
        };
    }

    private Transition<Step, CourseDraft> office(CourseDraft d, Inbound in, Session s) {
        boolean admin = authority.isAdmin(s);
        if (admin && is(in, ID + ":offl")) {
            return Transition.goTo(Step.OFFICE, d.officeProvince(0));
        }
        Optional<Integer> province = arg(in, "offp").flatMap(CourseFormFlow::number)
                .filter(p -> regions.province(p).isPresent());
        if (admin && province.isPresent()) {
            return Transition.goTo(Step.OFFICE, d.officeProvince(province.get()));
        }
        Optional<String> choice = arg(in, "off");
        if (choice.isEmpty()) {
            return Transition.reask("training.choose_from_buttons");
        }
        if (choice.get().equals("nat")) {
            return admin ? Transition.goTo(Step.MODE, d.officeChosen(true).officeId(null))
                    : Transition.reask("training.not_allowed");
        }
        Optional<Long> office = choice.flatMap(CourseFormFlow::longNumber)
                .filter(id -> offices.find(id).filter(OfficeView::isActive).isPresent())
                .filter(id -> authority.mayCreateFor(s, id));
        return office.map(id -> Transition.<Step, CourseDraft>goTo(Step.MODE, d.officeChosen(true).officeId(id)))
                .orElseGet(() -> Transition.reask("training.not_allowed"));
    }

    private Transition<Step, CourseDraft> sessions(CourseDraft d, Inbound in) {
        if (is(in, ID + ":sdone")) {
            return d.sessions().isEmpty() ? Transition.reask("training.sessions_none")
                    : Transition.goTo(Step.DURATION, d);
        }
        if (is(in, ID + ":sclear")) {
            return Transition.goTo(Step.SESSIONS, d.sessions(List.of()));
        }
        Optional<String> t = text(in);
        if (t.isEmpty()) {
            return Transition.reask("training.session_invalid");
        }
        CourseDraft next = d;
        Instant now = training.now();
        for (String line : t.get().split("[\\n,\\u060C]+")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Instant> at = JalaliDates.parseDateTime(line.strip())
                    .map((LocalDateTime l) -> l.atZone(JalaliDates.TEHRAN).toInstant());
            if (at.isEmpty()) {
                return Transition.reask("training.session_invalid");
            }
            if (!at.get().isAfter(now)) {
                return Transition.reask("training.session_past");
            }
            next = next.addSession(at.get());
        }
        if (next.sessions().size() > 30) {
            return Transition.reask("training.sessions_too_many");
        }
        return Transition.goTo(Step.SESSIONS, next);
    }

    private Transition<Step, CourseDraft> deadline(CourseDraft d, Inbound in) {
        Instant first = d.sessions().get(0);
        Instant last = d.sessions().get(d.sessions().size() - 1);
        Optional<Instant> at = is(in, ID + ":dl:first") ? Optional.of(first)
                : text(in).flatMap(JalaliDates::parseDateTime).map(l -> l.atZone(JalaliDates.TEHRAN).toInstant());
        if (at.isEmpty() || !at.get().isAfter(training.now()) || at.get().isAfter(last)) {
            return Transition.reask("training.deadline_invalid");
        }
        return Transition.goTo(Step.AUDIENCE, d.deadline(at.get()));
    }

    private Transition<Step, CourseDraft> audience(CourseDraft d, Inbound in) {
        Optional<Audience> a = arg(in, "aud").filter(v -> isOf(Audience.class, v)).map(Audience::valueOf);
        if (a.isEmpty()) {
            return Transition.reask("training.choose_from_buttons");
        }
        CourseDraft next = d.audience(a.get().name()).regionId(null).regionProvince(null);
        Optional<OfficeView> office = d.officeId() == null ? Optional.empty() : offices.find(d.officeId());
        return switch (a.get()) {
            case ALL -> Transition.goTo(Step.APPROVAL, next);
            case PROVINCE -> office.isPresent()
                    ? Transition.goTo(Step.APPROVAL, next.regionProvince(office.get().provinceId())
                    .regionId(office.get().provinceId()))
                    : Transition.goTo(Step.REGION, next);
            case COUNTY -> office.isPresent() && office.get().countyId() != null
                    ? Transition.goTo(Step.APPROVAL, next.regionProvince(office.get().provinceId())
                    .regionId(office.get().countyId()))
                    : office.isPresent() ? Transition.goTo(Step.COUNTY, next.regionProvince(office.get().provinceId()))
                    : Transition.goTo(Step.REGION, next);
        };
    }

    private Transition<Step, CourseDraft> confirm(CourseDraft d, Inbound in, Session s) {
        if (is(in, ID + ":abort")) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (!is(in, ID + ":confirm")) {
            return Transition.reask("training.choose_from_buttons");
        }
        boolean allowed = d.officeId() == null ? authority.isAdmin(s) : authority.mayCreateFor(s, d.officeId());
        if (!allowed) {
            return Transition.finish(Reply.text("training.not_allowed"));
        }
        List<NewCourse.NewSession> sessions = d.sessions().stream()
                .map(at -> new NewCourse.NewSession(at, d.duration())).toList();
        Long memberId = authority.activeMemberId(s).orElse(null);
        CreateResult r = training.create(new NewCourse(d.title(), d.description(), CourseLevel.valueOf(d.level()),
                d.officeId(), CourseMode.valueOf(d.mode()), d.location(), sessions, d.capacity(), d.deadline(), null,
                Audience.valueOf(d.audience()), d.regionId(), Boolean.TRUE.equals(d.approval()), null,
                new Creator(memberId, s.platform(), s.userId())));
        if (!r.ok()) {
            return Transition.reask("training.create_problem." + r.problem().name());
        }
        return Transition.finish(Reply.text(Text.of("training.created", d.title()), Keyboard.inline()
                .row(Button.callback(Text.of("training.manage"), "cm:m:" + r.courseId())).build()));
    }

    // ---- parsing ----

    static Optional<String> text(Inbound in) {
        return in.kind() == Inbound.Kind.MESSAGE && in.text() != null && !in.text().startsWith("/")
                ? Optional.of(PersianText.normalize(in.text()).strip()).filter(t -> !t.isEmpty()) : Optional.empty();
    }

    private static Optional<String> arg(Inbound in, String tag) {
        String head = ID + ":" + tag + ":";
        String data = in.callbackData();
        return data != null && data.startsWith(head) ? Optional.of(data.substring(head.length())) : Optional.empty();
    }

    private static boolean is(Inbound in, String data) {
        return data.equals(in.callbackData());
    }

    static Optional<Integer> number(String s) {
        String t = PersianText.normalize(s).strip();
        if (!t.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t));
    }

    static Optional<Long> longNumber(String s) {
        return s != null && s.matches("\\d{1,18}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }

    private static <E extends Enum<E>> boolean isOf(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.reporting.NewReport;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportPhoto;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.domain.reporting.ReportingProperties;
import ir.hamyar.domain.reporting.SubmitResult;
import ir.hamyar.domain.reporting.SupportResult;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /report}: the emergency notice, then subject, title, description, photos, place, whether the office
 * may see the reporter's name, a "is it one of these?" check against similar open reports, the summary, and
 * the tracking code with the expected first-response time.
 */
@Component
class ReportFlow extends Flow<ReportFlow.Step, ReportDraft> {

    static final String ID = "rp";

    enum Step { CATEGORY, TITLE, DESCRIPTION, PHOTOS, LOCATION, SHOW_NAME, DUPLICATES, SUMMARY }

    private static final int MAX_TITLE = 100;
    private static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_NEIGHBOURHOOD = 80;

    private final ProblemReporting reporting;
    private final Membership membership;
    private final ReportTexts texts;
    private final ReportingProperties settings;

    ReportFlow(ProblemReporting reporting, Membership membership, ReportTexts texts, ReportingProperties settings) {
        super(ID, Step.class, ReportDraft.class);
        this.reporting = reporting;
        this.membership = membership;
        this.texts = texts;
        this.settings = settings;
    }

    @Override
    public Set<String> commands() {
        return Set.of("report");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.TITLE, Step.DESCRIPTION, Step.LOCATION);
    }

    @Override
    public Transition<Step, ReportDraft> begin(Session session, Inbound trigger) {
        Optional<MemberView> member = membership.findByAccount(session.platform(), session.userId());
        if (member.isEmpty()) {
            return Transition.finish(Reply.text("reporting.not_member"));
        }
        if (member.get().status() == MemberStatus.SUSPENDED) {
            return Transition.finish(Reply.text("reporting.rejected.MEMBER_SUSPENDED"));
        }
        if (!member.get().isActive()) {
            return Transition.finish(Reply.text("reporting.rejected.MEMBER_NOT_ACTIVE"));
        }
        if (reporting.remainingToday(member.get().id()) <= 0) {
            return Transition.finish(Reply.text("reporting.daily_limit", settings.dailyLimit()));
        }
        return Transition.goTo(Step.CATEGORY, ReportDraft.start(), Reply.text("reporting.emergency"));
    }

    @Override
    public Step previous(Step step, ReportDraft draft) {
        return switch (step) {
            case CATEGORY -> null;
            case SUMMARY -> Step.SHOW_NAME;
            default -> Step.values()[step.ordinal() - 1];
        };
    }

    @Override
    public List<Reply> prompt(Step step, ReportDraft d, Session s) {
        return switch (step) {
            case CATEGORY -> List.of(Reply.text(Text.of("reporting.ask_category"), categories()));
            case TITLE -> List.of(Reply.text(Text.of("reporting.ask_title"), backOnly()));
            case DESCRIPTION -> List.of(Reply.text(Text.of("reporting.ask_description"), backOnly()));
            case PHOTOS -> List.of(Reply.text(Text.of("reporting.ask_photos", ProblemReporting.MAX_PHOTOS),
                    photosDone()));
            case LOCATION -> List.of(Reply.text(Text.of("reporting.ask_location"), Keyboard.reply()
                    .row(Button.requestLocation(Text.of("reporting.share_location")))
                    .row(Button.text(Text.of("common.skip")))
                    .row(Button.text(Text.of("common.back"))).build()));
            case SHOW_NAME -> List.of(Reply.text(Text.of("reporting.ask_show_name"), Keyboard.inline()
                    .row(Button.callback(Text.of("reporting.show_name_yes"), ID + ":name:yes"),
                            Button.callback(Text.of("reporting.show_name_no"), ID + ":name:no"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case DUPLICATES -> duplicatesPrompt(similar(d, s));
            case SUMMARY -> List.of(Reply.text(summary(d), Keyboard.inline()
                    .row(Button.callback(Text.of("reporting.submit"), ID + ":submit"))
                    .row(Button.callback(Text.of("common.back"), "nav:back"),
                            Button.callback(Text.of("common.cancel"), ID + ":abort")).build()));
        };
    }

    private Keyboard categories() {
        Keyboard.Builder b = Keyboard.inline();
        List<String> codes = reporting.categories();
        for (int i = 0; i < codes.size(); i += 2) {
            if (i + 1 < codes.size()) {
                b.row(categoryButton(codes.get(i)), categoryButton(codes.get(i + 1)));
            } else {
                b.row(categoryButton(codes.get(i)));
            }
        }
        return b.build();
    }

    private Button categoryButton(String code) {
        return Button.callback(texts.category(code), ID + ":cat:" + code);
    }

    private static Keyboard backOnly() {
        return Keyboard.reply().row(Button.text(Text.of("common.back"))).build();
    }

    private static Keyboard photosDone() {
        return Keyboard.inline().row(Button.callback(Text.of("reporting.photos_done"), ID + ":photos:done")).build();
    }

    private List<Reply> duplicatesPrompt(List<ReportView> similar) {
        Keyboard.Builder b = Keyboard.inline();
        List<Text> lines = similar.stream()
                .map(r -> Text.of("reporting.similar_line", r.trackingCode(), r.title())).toList();
        for (ReportView r : similar) {
            b.row(Button.callback(Text.of("reporting.me_too", ReportTexts.shortTitle(r.title())), ID + ":dup:" + r.id()));
        }
        b.row(Button.callback(Text.of("reporting.not_duplicate"), ID + ":dup:new"));
        b.row(Button.callback(Text.of("common.back"), "nav:back"));
        return List.of(Reply.text(Text.of("reporting.similar_found", ReportTexts.lines(lines)), b.build()));
    }

    private Text summary(ReportDraft d) {
        Text place = d.latitude() != null && d.address() != null
                ? Text.of("reporting.location_both", d.address(), Text.of("reporting.location_received"))
                : d.latitude() != null ? Text.of("reporting.location_received")
                : d.address() != null ? ReportTexts.raw(d.address()) : Text.of("reporting.location_none");
        return Text.of("reporting.summary", texts.category(d.category()), d.title(), d.description(),
                d.photos().size(), place, Text.of(Boolean.TRUE.equals(d.showName())
                        ? "reporting.summary_name_shown" : "reporting.summary_anonymous"));
    }

    /** Open reports like this one at the office it would go to. */
    private List<ReportView> similar(ReportDraft d, Session s) {
        Optional<MemberView> m = membership.findByAccount(s.platform(), s.userId());
        if (m.isEmpty() || m.get().countyId() == null) {
            return List.of();
        }
        return reporting.similarOpenFor(m.get().countyId(), neighbourhood(d), d.category());
    }

    private static String neighbourhood(ReportDraft d) {
        return d.address() != null && d.address().length() <= MAX_NEIGHBOURHOOD ? d.address() : null;
    }

    @Override
    public Transition<Step, ReportDraft> onInput(Step step, ReportDraft d, Inbound in, Session s) {
        return switch (step) {
            case CATEGORY -> arg(in, "cat").filter(c -> reporting.categories().contains(c))
                    .map(c -> Transition.<Step, ReportDraft>goTo(Step.TITLE, d.category(c)))
                    .orElseGet(() -> Transition.reask("membership.choose_from_buttons"));
            case TITLE -> text(in).filter(t -> length(t) >= 3 && length(t) <= MAX_TITLE)
                    .map(t -> Transition.<Step, ReportDraft>goTo(Step.DESCRIPTION, d.title(t)))
                    .orElseGet(() -> Transition.reask("reporting.title_invalid"));
            case DESCRIPTION -> text(in).filter(t -> length(t) >= 5 && length(t) <= MAX_DESCRIPTION)
                    .map(t -> Transition.<Step, ReportDraft>goTo(Step.PHOTOS, d.description(t)))
                    .orElseGet(() -> Transition.reask("reporting.description_invalid"));
            case PHOTOS -> photos(d, in);
            case LOCATION -> location(d, in, s);
            case SHOW_NAME -> showName(d, in, s);
            case DUPLICATES -> duplicates(d, in, s);
            case SUMMARY -> summaryAction(d, in, s);
        };
    }

    private Transition<Step, ReportDraft> photos(ReportDraft d, Inbound in) {
        if (is(in, ID + ":photos:done")) {
            return Transition.goTo(Step.LOCATION, d);
        }
        if (in.kind() != Inbound.Kind.MESSAGE || in.photoFileIds().isEmpty()) {
            return Transition.reask("reporting.photos_hint");
        }
        ReportDraft next = d;
        for (String fileId : in.photoFileIds()) {
            if (next.photos().size() < ProblemReporting.MAX_PHOTOS) {
                next = next.photo(fileId);
            }
        }
        if (next.photos().size() >= ProblemReporting.MAX_PHOTOS) {
            return Transition.goTo(Step.LOCATION, next, Reply.text("reporting.photo_received", next.photos().size(),
                    ProblemReporting.MAX_PHOTOS));
        }
        return Transition.stay(next, Reply.text(Text.of("reporting.photo_received", next.photos().size(),
                ProblemReporting.MAX_PHOTOS), photosDone()));
    }

    /**
     * A shared location and a typed address (or neighbourhood: it lets a local centre receive the report) are
     * both optional; after a location the reporter may still type the address, or skip.
     */
    private Transition<Step, ReportDraft> location(ReportDraft d, Inbound in, Session s) {
        if (in.kind() == Inbound.Kind.MESSAGE && in.location() != null) {
            ReportDraft next = d.location(in.location().latitude(), in.location().longitude());
            return Transition.stay(next, Reply.text("reporting.location_received_more"));
        }
        Optional<String> typed = text(in);
        if (typed.isEmpty()) {
            return Transition.reask("reporting.location_hint");
        }
        String skip = PersianText.normalize(Texts.get(s.locale(), "common.skip"));
        if (typed.get().equals(skip)) {
            return Transition.goTo(Step.SHOW_NAME, d.address(null), Reply.text(Text.of(d.latitude() == null
                    ? "reporting.location_skipped" : "reporting.location_received"), Keyboard.REMOVE));
        }
        if (length(typed.get()) > MAX_ADDRESS) {
            return Transition.reask("reporting.address_invalid");
        }
        return Transition.goTo(Step.SHOW_NAME, d.address(typed.get()),
                Reply.text(Text.of("reporting.address_received"), Keyboard.REMOVE));
    }

    private Transition<Step, ReportDraft> showName(ReportDraft d, Inbound in, Session s) {
        Optional<String> choice = arg(in, "name").filter(v -> v.equals("yes") || v.equals("no"));
        if (choice.isEmpty()) {
            return Transition.reask("membership.choose_from_buttons");
        }
        ReportDraft next = d.showName(choice.get().equals("yes"));
        return Transition.goTo(similar(next, s).isEmpty() ? Step.SUMMARY : Step.DUPLICATES, next);
    }

    private Transition<Step, ReportDraft> duplicates(ReportDraft d, Inbound in, Session s) {
        Optional<String> pick = arg(in, "dup");
        if (pick.isEmpty()) {
            return Transition.reask("membership.choose_from_buttons");
        }
        if (pick.get().equals("new")) {
            return Transition.goTo(Step.SUMMARY, d);
        }
        Optional<ReportView> chosen = similar(d, s).stream()
                .filter(r -> pick.get().equals(Long.toString(r.id()))).findFirst();
        Optional<MemberView> m = membership.findByAccount(s.platform(), s.userId());
        if (chosen.isEmpty() || m.isEmpty()) {
            return Transition.reask("membership.choose_from_buttons");
        }
        SupportResult result = reporting.support(chosen.get().id(), m.get().id());
        return Transition.finish(Reply.text("reporting.support_result." + result.name(), chosen.get().trackingCode()));
    }

    private Transition<Step, ReportDraft> summaryAction(ReportDraft d, Inbound in, Session s) {
        if (is(in, ID + ":abort")) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (!is(in, ID + ":submit")) {
            return Transition.reask("membership.choose_from_buttons");
        }
        Optional<MemberView> m = membership.findByAccount(s.platform(), s.userId());
        if (m.isEmpty()) {
            return Transition.finish(Reply.text("reporting.not_member"));
        }
        List<ReportPhoto> photos = d.photos().stream().map(f -> new ReportPhoto(s.platform(), f)).toList();
        SubmitResult result = reporting.submit(new NewReport(m.get().id(), d.category(), d.title(), d.description(),
                photos, d.latitude(), d.longitude(), d.address(), neighbourhood(d), Boolean.TRUE.equals(d.showName())));
        if (result instanceof SubmitResult.Submitted ok) {
            return Transition.finish(Reply.text("reporting.submitted", ok.report().trackingCode(),
                    texts.officeName(ok.report().officeId()), ok.responseHours()));
        }
        SubmitResult.Reason reason = ((SubmitResult.Rejected) result).reason();
        String key = "reporting.rejected." + reason.name();
        return switch (reason) {
            case UNKNOWN_CATEGORY -> Transition.goTo(Step.CATEGORY, d, Reply.text(key));
            case INVALID_TITLE -> Transition.goTo(Step.TITLE, d, Reply.text(key));
            case INVALID_DESCRIPTION -> Transition.goTo(Step.DESCRIPTION, d, Reply.text(key));
            case INVALID_LOCATION, INVALID_ADDRESS -> Transition.goTo(Step.LOCATION, d, Reply.text(key));
            case TOO_MANY_PHOTOS -> Transition.goTo(Step.PHOTOS, d.photosCleared(), Reply.text(key));
            default -> Transition.finish(Reply.text(key));
        };
    }

    // ---- input helpers ----

    private static Optional<String> text(Inbound in) {
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null || in.text().isBlank() || in.location() != null) {
            return Optional.empty();
        }
        return Optional.of(PersianText.normalize(in.text()).strip()).filter(t -> !t.isEmpty());
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static Optional<String> arg(Inbound in, String tag) {
        String data = in.callbackData();
        String head = ID + ":" + tag + ":";
        return data != null && data.startsWith(head) ? Optional.of(data.substring(head.length())) : Optional.empty();
    }

    private static boolean is(Inbound in, String data) {
        return data.equals(in.callbackData());
    }
}

package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentSettings;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.Refusal;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.JalaliDates;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /appoint}: an admin, or a province manager for their province, issues a decree — member (by their member
 * code), office, role, term (one year from today by default, or typed Jalali dates), summary, issue. Eligibility
 * refusals come back with their reason.
 */
@Component
class AppointFlow extends Flow<AppointFlow.Step, AppointFlow.Draft> {

    static final String ID = "apt";
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[/-]\\s*\\d{1,2}\\s*[/-]\\s*\\d{1,2}");

    enum Step { MEMBER, PROVINCE, OFFICE, ROLE, TERM, SUMMARY }

    /** {@code fixedProvince}: the province of a province manager (admins choose any). Dates are ISO strings. */
    record Draft(Long memberId, Integer fixedProvince, Integer provinceId, Long officeId, String role,
                 String termStart, String termEnd, int page) {

        Draft with(Long member, Integer province, Long office, String newRole, String start, String end, int newPage) {
            return new Draft(member, fixedProvince, province, office, newRole, start, end, newPage);
        }
    }

    private final Membership membership;
    private final Appointments appointments;
    private final Offices offices;
    private final Regions regions;
    private final Authority authority;
    private final Cards cards;
    private final AppointmentSettings settings;

    AppointFlow(Membership membership, Appointments appointments, Offices offices, Regions regions,
                Authority authority, Cards cards, AppointmentSettings settings) {
        super(ID, Step.class, Draft.class);
        this.membership = membership;
        this.appointments = appointments;
        this.offices = offices;
        this.regions = regions;
        this.authority = authority;
        this.cards = cards;
        this.settings = settings;
    }

    @Override
    public Set<String> commands() {
        return Set.of("appoint");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.MEMBER, Step.TERM);
    }

    @Override
    public Transition<Step, Draft> begin(Session session, Inbound trigger) {
        if (authority.networkWide(session, Action.ISSUE_APPOINTMENT)) {
            return Transition.goTo(Step.MEMBER, new Draft(null, null, null, null, null, null, null, 0));
        }
        Optional<Integer> province = authority.provinces(session, Action.ISSUE_APPOINTMENT).stream().findFirst();
        if (province.isEmpty()) {
            return Transition.finish(Reply.text("appointments.not_allowed"));
        }
        return Transition.goTo(Step.MEMBER, new Draft(null, province.get(), province.get(), null, null, null, null, 0));
    }

    @Override
    public Step previous(Step step, Draft d) {
        if (step == Step.OFFICE && d.fixedProvince() != null) {
            return Step.MEMBER;
        }
        return step == Step.MEMBER ? null : Step.values()[step.ordinal() - 1];
    }

    @Override
    public List<Reply> prompt(Step step, Draft d, Session s) {
        return switch (step) {
            case MEMBER -> List.of(Reply.text(Text.of("appointments.ask_member"), Ui.backOnly()));
            case PROVINCE -> List.of(Reply.text(Text.of("appointments.ask_province"),
                    Ui.provinces(ID, regions.provinces(), d.page(), s.locale(), true)));
            case OFFICE -> {
                List<OfficeView> list = offices.ofProvince(d.provinceId()).stream().filter(OfficeView::isActive).toList();
                if (list.isEmpty()) {
                    yield List.of(Reply.text(Text.of("appointments.no_offices_in_province"), Keyboard.inline()
                            .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
                }
                yield List.of(Reply.text(Text.of("appointments.ask_office"), Ui.paged(ID, "off", "op", list, d.page(),
                        o -> Ui.officeLabel(o, regions, s.locale()), OfficeView::id, true)));
            }
            case ROLE -> {
                Keyboard.Builder b = Keyboard.inline();
                for (AppointmentRole r : AppointmentRole.values()) {
                    b.row(Button.callback(Text.of("appointments.role." + r.name()), ID + ":role:" + r.name()));
                }
                yield List.of(Reply.text(Text.of("appointments.ask_role"),
                        b.row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            }
            case TERM -> List.of(Reply.text(Text.of("appointments.ask_term"), Keyboard.inline()
                    .row(Button.callback(Text.of("appointments.default_term"), ID + ":term:default"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case SUMMARY -> List.of(Reply.text(summary(d, s), Keyboard.inline()
                    .row(Button.callback(Text.of("appointments.issue"), ID + ":issue"))
                    .row(Button.callback(Text.of("common.cancel"), ID + ":abort")).build()));
        };
    }

    private Text summary(Draft d, Session s) {
        OfficeView office = offices.find(d.officeId()).orElseThrow();
        return Text.of("appointments.confirm", cards.name(d.memberId()),
                Text.of("appointments.role." + d.role()), Ui.officeLabel(office, regions, s.locale()),
                JalaliDates.formatLong(LocalDate.parse(d.termStart()), s.locale()),
                JalaliDates.formatLong(LocalDate.parse(d.termEnd()), s.locale()));
    }

    @Override
    public Transition<Step, Draft> onInput(Step step, Draft d, Inbound in, Session s) {
        return switch (step) {
            case MEMBER -> member(d, in);
            case PROVINCE -> province(d, in);
            case OFFICE -> office(d, in, s);
            case ROLE -> Ui.arg(in, ID, "role").filter(AppointFlow::isRole)
                    .map(r -> Transition.<Step, Draft>goTo(Step.TERM, d.with(d.memberId(), d.provinceId(), d.officeId(),
                            r, null, null, 0)))
                    .orElseGet(() -> Transition.reask("appointments.choose_from_buttons"));
            case TERM -> term(d, in);
            case SUMMARY -> issue(d, in, s);
        };
    }

    private static boolean isRole(String v) {
        for (AppointmentRole r : AppointmentRole.values()) {
            if (r.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private Transition<Step, Draft> member(Draft d, Inbound in) {
        Optional<MemberView> member = Ui.text(in).flatMap(membership::memberIdByReferralCode)
                .flatMap(membership::find);
        if (member.isEmpty()) {
            return Transition.reask("appointments.member_not_found");
        }
        Optional<Refusal> personal = appointments.memberEligibility(member.get().id());
        if (personal.isPresent()) {
            return Transition.finish(Reply.text("appointments.refused." + personal.get().name()));
        }
        Step next = d.fixedProvince() == null ? Step.PROVINCE : Step.OFFICE;
        return Transition.goTo(next, d.with(member.get().id(), d.provinceId(), null, null, null, null, 0),
                Reply.text("appointments.member_found", member.get().fullName()));
    }

    private Transition<Step, Draft> province(Draft d, Inbound in) {
        Optional<Integer> page = Ui.intArg(in, ID, "pp");
        if (page.isPresent()) {
            return Transition.stay(d.with(d.memberId(), d.provinceId(), null, null, null, null, page.get()),
                    Ui.editOrSend(in, Text.of("appointments.ask_province"),
                            Ui.provinces(ID, regions.provinces(), page.get(), null, true)));
        }
        return Ui.intArg(in, ID, "prov").filter(p -> regions.province(p).isPresent())
                .map(p -> Transition.<Step, Draft>goTo(Step.OFFICE, d.with(d.memberId(), p, null, null, null, null, 0)))
                .orElseGet(() -> Transition.reask("appointments.choose_from_buttons"));
    }

    private Transition<Step, Draft> office(Draft d, Inbound in, Session s) {
        Optional<Integer> page = Ui.intArg(in, ID, "op");
        if (page.isPresent()) {
            return Transition.goTo(Step.OFFICE, d.with(d.memberId(), d.provinceId(), null, null, null, null, page.get()));
        }
        Optional<OfficeView> office = Ui.longArg(in, ID, "off").flatMap(offices::find)
                .filter(o -> o.provinceId() == d.provinceId());
        if (office.isEmpty()) {
            return Transition.reask("appointments.choose_from_buttons");
        }
        if (authority.appointerFor(s, office.get().id()).isEmpty()) {
            return Transition.finish(Reply.text("appointments.not_allowed"));
        }
        return Transition.goTo(Step.ROLE, d.with(d.memberId(), d.provinceId(), office.get().id(), null, null, null, 0));
    }

    /** The default button, one typed Jalali date (the end; the term starts today) or two (start and end). */
    private Transition<Step, Draft> term(Draft d, Inbound in) {
        LocalDate today = appointments.today();
        if (Ui.is(in, ID + ":term:default")) {
            return termChosen(d, today, today.plus(settings.defaultTerm()).minusDays(1));
        }
        Optional<String> typed = Ui.text(in);
        if (typed.isEmpty()) {
            return Transition.reask("appointments.term_invalid");
        }
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = DATE.matcher(typed.get());
        while (m.find()) {
            Optional<LocalDate> date = JalaliDates.parseDate(m.group());
            if (date.isEmpty()) {
                return Transition.reask("appointments.term_invalid");
            }
            dates.add(date.get());
        }
        if (dates.isEmpty() || dates.size() > 2) {
            return Transition.reask("appointments.term_invalid");
        }
        LocalDate start = dates.size() == 2 ? dates.get(0) : today;
        LocalDate end = dates.get(dates.size() - 1);
        if (end.isBefore(start) || end.isBefore(today) || end.isAfter(start.plus(settings.maxTerm()))) {
            return Transition.reask("appointments.term_invalid");
        }
        return termChosen(d, start, end);
    }

    private Transition<Step, Draft> termChosen(Draft d, LocalDate start, LocalDate end) {
        return Transition.goTo(Step.SUMMARY, d.with(d.memberId(), d.provinceId(), d.officeId(), d.role(),
                start.toString(), end.toString(), 0));
    }

    private Transition<Step, Draft> issue(Draft d, Inbound in, Session s) {
        if (Ui.is(in, ID + ":abort")) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (!Ui.is(in, ID + ":issue")) {
            return Transition.reask("appointments.choose_from_buttons");
        }
        Optional<Issuer> issuer = authority.appointerFor(s, d.officeId());
        if (issuer.isEmpty()) {
            return Transition.finish(Reply.text("appointments.not_allowed"));
        }
        IssueResult r = appointments.issue(new IssueAppointment(d.memberId(), d.officeId(),
                AppointmentRole.valueOf(d.role()), LocalDate.parse(d.termStart()), LocalDate.parse(d.termEnd()),
                issuer.get()));
        if (r instanceof IssueResult.Issued issued) {
            return Transition.finish(Reply.text("appointments.issued_done", issued.appointment().decreeNo(),
                    cards.name(d.memberId())));
        }
        return Transition.finish(Reply.text("appointments.refused." + ((IssueResult.Refused) r).reason().name()));
    }
}

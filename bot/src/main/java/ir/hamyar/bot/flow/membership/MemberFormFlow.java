package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.flow.membership.MemberFields.Parsed;
import ir.hamyar.bot.flow.content.ContentTexts;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.membership.Education;
import ir.hamyar.domain.membership.LinkResult;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.ProfileChange;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.membership.UpdateResult;
import ir.hamyar.domain.membership.WorkingGroupView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The member form: registration for a newcomer ({@code /start} or the deep link {@code /start ref_<code>}),
 * and the editing of one field from the profile card ({@code mf:edit:<STEP>}). Every step validates its
 * answer and re-asks with a hint; the summary lets any field be changed before confirming.
 */
@Component
class MemberFormFlow extends Flow<MemberFormFlow.Step, MemberForm> {

    static final String ID = "mf";

    enum Step { TERMS, PHONE, LINK_OFFER, NAME, NATIONAL_CODE, BIRTH_YEAR, EDUCATION, EXPERTISE, PROVINCE, COUNTY,
        INTERESTS, SUMMARY }

    /** Fields a member may change later from the profile card (the national code is fixed). */
    static final Set<Step> EDITABLE = Set.of(Step.PHONE, Step.NAME, Step.BIRTH_YEAR, Step.EDUCATION, Step.EXPERTISE,
            Step.PROVINCE, Step.INTERESTS);

    private final Membership membership;
    private final Regions regions;
    private final MembershipSettings settings;
    private final Clock clock;
    private final ContentTexts content;

    MemberFormFlow(Membership membership, Regions regions, MembershipSettings settings, Clock clock,
                   ContentTexts content) {
        super(ID, Step.class, MemberForm.class);
        this.content = content;
        this.membership = membership;
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Set<String> commands() {
        return Set.of("register");
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":edit:");
    }

    @Override
    public Transition<Step, MemberForm> begin(Session session, Inbound trigger) {
        Optional<MemberView> member = membership.findByAccount(session.platform(), session.userId());
        if (trigger.kind() == Inbound.Kind.CALLBACK) {
            Optional<Step> step = MemberFields.arg(trigger, ID, "edit").flatMap(MemberFormFlow::step)
                    .filter(EDITABLE::contains);
            if (member.isEmpty() || step.isEmpty() || !member.get().isActive()) {
                return Transition.finish(Reply.text("runtime.callback_stale"));
            }
            return Transition.goTo(step.get(), fromMember(member.get()));
        }
        if (member.isPresent()) {
            return Transition.finish(Reply.text("membership.already_registered", member.get().fullName()));
        }
        String arg = trigger.commandArgument();
        String referral = arg.startsWith("ref_") ? arg.substring(4) : null;
        return Transition.goTo(Step.TERMS, MemberForm.start(referral), Reply.text("runtime.greeting"));
    }

    private static Optional<Step> step(String name) {
        try {
            return Optional.of(Step.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MemberForm fromMember(MemberView m) {
        return new MemberForm(m.id(), null, null, null, m.phone(), m.phoneVerified(), m.fullName(), null,
                m.birthYear(), m.education() == null ? null : m.education().name(), m.expertise(), m.provinceId(),
                m.countyId(), m.interestCodes(), 0, null, false);
    }

    @Override
    public Step previous(Step step, MemberForm form) {
        if (form.editing()) {
            return step == Step.COUNTY ? Step.PROVINCE : null;
        }
        if (step == Step.COUNTY) {
            return Step.PROVINCE;
        }
        if (form.returnToSummary() && step != Step.SUMMARY) {
            return Step.SUMMARY;
        }
        return switch (step) {
            case TERMS -> null;
            case LINK_OFFER, NAME -> Step.PHONE;
            default -> Step.values()[step.ordinal() - 1];
        };
    }

    @Override
    public List<Reply> prompt(Step step, MemberForm f, Session s) {
        String p = ID;
        return switch (step) {
            case TERMS -> List.of(Reply.text(content.terms(settings.termsVersion()), Keyboard.inline()
                    .row(Button.callback(Text.of("membership.terms_accept"), p + ":terms:yes"),
                            Button.callback(Text.of("membership.terms_decline"), p + ":terms:no")).build()));
            case PHONE -> List.of(Reply.text(Text.of("membership.ask_phone"), Keyboard.reply()
                    .row(Button.requestContact(Text.of("membership.share_phone")))
                    .row(Button.text(Text.of("common.back"))).build()));
            case LINK_OFFER -> List.of(Reply.text(Text.of("membership.link_offer"), Keyboard.inline()
                    .row(Button.callback(Text.of("membership.link_yes"), p + ":link:yes"),
                            Button.callback(Text.of("membership.link_no"), p + ":link:no")).build()));
            case NAME -> List.of(Reply.text(Text.of("membership.ask_name"), MemberFields.backOnly()));
            case NATIONAL_CODE -> List.of(Reply.text(Text.of("membership.ask_national_code"), MemberFields.backOnly()));
            case BIRTH_YEAR -> List.of(Reply.text(Text.of("membership.ask_birth_year"), MemberFields.backOnly()));
            case EDUCATION -> List.of(Reply.text(Text.of("membership.ask_education"), MemberFields.education(p)));
            case EXPERTISE -> List.of(Reply.text(Text.of("membership.ask_expertise"), Keyboard.inline()
                    .row(Button.callback(Text.of("common.skip"), p + ":skip"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case PROVINCE -> List.of(Reply.text(Text.of("membership.ask_province"),
                    MemberFields.provinces(p, regions.provinces(), f.page(), s.locale())));
            case COUNTY -> {
                List<County> list = regions.searchCounties(f.provinceId(), f.filter() == null ? "" : f.filter());
                String province = regions.province(f.provinceId()).map(x -> x.nameFa()).orElse("");
                yield List.of(Reply.text(Text.of(list.isEmpty() ? "membership.county_not_found" : "membership.ask_county",
                        province), MemberFields.counties(p, list.isEmpty()
                        ? regions.counties(f.provinceId()) : list, f.page())));
            }
            case INTERESTS -> List.of(Reply.text(Text.of("membership.ask_interests"),
                    MemberFields.interests(p, interestCodes(), f.interests(), content::interest)));
            case SUMMARY -> List.of(Reply.text(summary(f, s), summaryKeyboard()));
        };
    }

    private List<String> interestCodes() {
        return membership.workingGroups().stream().map(WorkingGroupView::code).toList();
    }

    private Text summary(MemberForm f, Session s) {
        String province = f.provinceId() == null ? "" : regions.province(f.provinceId())
                .map(x -> Texts.EN.equals(s.locale()) ? x.nameEn() : x.nameFa()).orElse("");
        String county = f.countyId() == null ? "" : regions.county(f.countyId()).map(County::nameFa).orElse("");
        List<Object> interests = f.interests().stream()
                .map(c -> (Object) content.interest(c)).toList();
        Text interestList = interests.isEmpty() ? Text.of("membership.none") : joined(interests);
        return Text.of("membership.summary", f.name(), PersianText.rtlLine(f.phone()),
                Text.of(f.phoneVerified() ? "membership.verified" : "membership.unverified"),
                f.nationalCode(), f.birthYear(), Text.of("membership.education." + f.education()),
                f.expertise() == null ? Text.of("membership.none") : f.expertise(), province, county, interestList);
    }

    private static Text joined(List<Object> parts) {
        Text t = null;
        for (Object part : parts) {
            t = t == null ? Text.of("common.raw", part) : Text.of("common.list_join", t, part);
        }
        return t;
    }

    private static Keyboard summaryKeyboard() {
        String p = ID + ":edit:";
        return Keyboard.inline()
                .row(Button.callback(Text.of("membership.field.NAME"), p + "NAME"),
                        Button.callback(Text.of("membership.field.PHONE"), p + "PHONE"))
                .row(Button.callback(Text.of("membership.field.NATIONAL_CODE"), p + "NATIONAL_CODE"),
                        Button.callback(Text.of("membership.field.BIRTH_YEAR"), p + "BIRTH_YEAR"))
                .row(Button.callback(Text.of("membership.field.EDUCATION"), p + "EDUCATION"),
                        Button.callback(Text.of("membership.field.EXPERTISE"), p + "EXPERTISE"))
                .row(Button.callback(Text.of("membership.field.PROVINCE"), p + "PROVINCE"),
                        Button.callback(Text.of("membership.field.INTERESTS"), p + "INTERESTS"))
                .row(Button.callback(Text.of("common.confirm"), ID + ":confirm"))
                .row(Button.callback(Text.of("common.cancel"), ID + ":abort"))
                .build();
    }

    @Override
    public Transition<Step, MemberForm> onInput(Step step, MemberForm f, Inbound in, Session s) {
        return switch (step) {
            case TERMS -> terms(f, in);
            case PHONE -> phone(f, in, s);
            case LINK_OFFER -> link(f, in, s);
            case NAME -> text(in).map(t -> {
                Parsed<String> n = MemberFields.name(t);
                return n.ok() ? next(step, f.name(n.value()), s, new ProfileChange.FullName(n.value()))
                        : Transition.<Step, MemberForm>reask(n.problem());
            }).orElseGet(() -> Transition.reask("membership.name_invalid"));
            case NATIONAL_CODE -> text(in).map(t -> {
                Parsed<NationalCode> c = MemberFields.nationalCode(t);
                return c.ok() ? next(step, f.nationalCode(c.value().value()), s, null)
                        : Transition.<Step, MemberForm>reask(c.problem());
            }).orElseGet(() -> Transition.reask("membership.national_code_invalid"));
            case BIRTH_YEAR -> text(in).map(t -> {
                Parsed<Integer> y = MemberFields.birthYear(t, clock.instant());
                return y.ok() ? next(step, f.birthYear(y.value()), s, new ProfileChange.BirthYear(y.value()))
                        : Transition.<Step, MemberForm>reask(y.problem());
            }).orElseGet(() -> Transition.reask("membership.birth_year_invalid"));
            case EDUCATION -> MemberFields.arg(in, ID, "edu").filter(MemberFormFlow::isEducation)
                    .map(e -> next(step, f.education(e), s, new ProfileChange.EducationLevel(e)))
                    .orElseGet(() -> Transition.reask("membership.choose_from_buttons"));
            case EXPERTISE -> expertise(f, in, s);
            case PROVINCE -> province(f, in);
            case COUNTY -> county(f, in, s);
            case INTERESTS -> interests(f, in, s);
            case SUMMARY -> summaryAction(f, in, s);
        };
    }

    private static Optional<String> text(Inbound in) {
        // A photo's caption or a shared location is not an answer to a typed question.
        return in.kind() == Inbound.Kind.MESSAGE && in.text() != null && in.contact() == null
                && in.photoFileIds().isEmpty() && in.location() == null ? Optional.of(in.text()) : Optional.empty();
    }

    private static boolean isEducation(String code) {
        for (Education e : Education.values()) {
            if (e.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private Transition<Step, MemberForm> terms(MemberForm f, Inbound in) {
        if (MemberFields.is(in, ID + ":terms:yes")) {
            return Transition.goTo(Step.PHONE, f.terms(content.termsVersion(settings.termsVersion()), clock.instant()));
        }
        if (MemberFields.is(in, ID + ":terms:no")) {
            return Transition.finish(Reply.text("membership.terms_declined"));
        }
        return Transition.reask("membership.choose_from_buttons");
    }

    private Transition<Step, MemberForm> phone(MemberForm f, Inbound in, Session s) {
        Parsed<MemberFields.Phone> p = MemberFields.phone(in);
        if (!p.ok()) {
            return Transition.reask(p.problem());
        }
        MemberForm next = f.phone(p.value().number().e164(), p.value().verified());
        Reply note = Reply.text(Text.of(p.value().verified() ? "membership.phone_verified" : "membership.phone_unverified"),
                Keyboard.REMOVE);
        if (!f.editing() && p.value().verified() && membership.hasMemberWithVerifiedPhone(p.value().number())) {
            return Transition.goTo(Step.LINK_OFFER, next, note);
        }
        Transition<Step, MemberForm> t = next(Step.PHONE, next, s,
                new ProfileChange.Phone(p.value().number(), p.value().verified()));
        return t instanceof Transition.GoTo<Step, MemberForm> g
                ? new Transition.GoTo<>(g.step(), g.draft(), prepend(note, g.replies())) : t;
    }

    private static List<Reply> prepend(Reply first, List<Reply> rest) {
        java.util.ArrayList<Reply> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private Transition<Step, MemberForm> link(MemberForm f, Inbound in, Session s) {
        if (MemberFields.is(in, ID + ":link:yes")) {
            Optional<PhoneNumber> phone = PhoneNumber.parse(f.phone());
            if (phone.isEmpty()) {
                return Transition.goTo(Step.PHONE, f);
            }
            LinkResult r = membership.linkAccount(s.platform(), s.userId(), s.chat().chatId(), phone.get());
            if (r instanceof LinkResult.Linked linked) {
                return Transition.finish(Reply.text("membership.linked", linked.member().fullName()));
            }
            return Transition.finish(Reply.text("membership.link_failed"));
        }
        if (MemberFields.is(in, ID + ":link:no")) {
            return Transition.goTo(Step.PHONE, f.phone(null, false), Reply.text("membership.link_declined"));
        }
        return Transition.reask("membership.choose_from_buttons");
    }

    private Transition<Step, MemberForm> expertise(MemberForm f, Inbound in, Session s) {
        if (MemberFields.is(in, ID + ":skip")) {
            return next(Step.EXPERTISE, f.expertise(null), s, new ProfileChange.Expertise(null));
        }
        return text(in).map(t -> {
            Parsed<String> e = MemberFields.expertise(t);
            return e.ok() ? next(Step.EXPERTISE, f.expertise(e.value()), s, new ProfileChange.Expertise(e.value()))
                    : Transition.<Step, MemberForm>reask(e.problem());
        }).orElseGet(() -> Transition.reask("membership.expertise_invalid"));
    }

    private Transition<Step, MemberForm> province(MemberForm f, Inbound in) {
        Optional<Integer> page = MemberFields.intArg(in, ID, "pp");
        if (page.isPresent()) {
            return Transition.stay(f.page(page.get(), null), editList(in, Text.of("membership.ask_province"),
                    MemberFields.provinces(ID, regions.provinces(), page.get(), Texts.FA)));
        }
        Optional<Integer> id = MemberFields.intArg(in, ID, "prov").filter(p -> regions.province(p).isPresent());
        if (id.isEmpty()) {
            return Transition.reask("membership.choose_from_buttons");
        }
        return Transition.goTo(Step.COUNTY, f.province(id.get()));
    }

    private Transition<Step, MemberForm> county(MemberForm f, Inbound in, Session s) {
        Optional<Integer> page = MemberFields.intArg(in, ID, "cp");
        if (page.isPresent()) {
            List<County> list = regions.searchCounties(f.provinceId(), f.filter() == null ? "" : f.filter());
            return Transition.stay(f.page(page.get(), f.filter()), editList(in, Text.of("membership.ask_county",
                    regions.province(f.provinceId()).map(x -> x.nameFa()).orElse("")),
                    MemberFields.counties(ID, list, page.get())));
        }
        if (in.kind() == Inbound.Kind.MESSAGE && in.text() != null) {
            // Typing part of a name narrows the list.
            return Transition.goTo(Step.COUNTY, f.page(0, PersianText.normalize(in.text())));
        }
        Optional<Integer> id = MemberFields.intArg(in, ID, "cty");
        if (id.isEmpty()) {
            return Transition.reask("membership.choose_from_buttons");
        }
        if (!regions.countyBelongsTo(id.get(), f.provinceId())) {
            return Transition.reask("membership.county_wrong_province");
        }
        MemberForm next = f.county(id.get());
        return next(Step.COUNTY, next, s, new ProfileChange.Region(f.provinceId(), id.get()));
    }

    /** Paging edits the list message in place rather than sending a new one. */
    private static Reply editList(Inbound in, Text text, Keyboard keyboard) {
        return in.messageId() == null ? Reply.text(text, keyboard) : new Reply.Edit(null, in.messageId(), text, keyboard);
    }

    private Transition<Step, MemberForm> interests(MemberForm f, Inbound in, Session s) {
        Optional<String> code = MemberFields.arg(in, ID, "int");
        List<String> known = interestCodes();
        if (code.isPresent() && known.contains(code.get())) {
            MemberForm next = f.toggleInterest(code.get());
            return Transition.stay(next, editList(in, Text.of("membership.ask_interests"),
                    MemberFields.interests(ID, known, next.interests(), content::interest)));
        }
        if (MemberFields.is(in, ID + ":intdone")) {
            if (f.interests().isEmpty()) {
                return Transition.reask("membership.interests_none");
            }
            return next(Step.INTERESTS, f, s, new ProfileChange.Interests(new LinkedHashSet<>(f.interests())));
        }
        return Transition.reask("membership.choose_from_buttons");
    }

    /**
     * After a step is answered: in edit mode save that one change and finish; in the form go to the next step,
     * or back to the summary when the answer was changed from there.
     */
    private Transition<Step, MemberForm> next(Step answered, MemberForm f, Session s, ProfileChange change) {
        if (f.editing()) {
            if (answered == Step.PROVINCE) {
                return Transition.goTo(Step.COUNTY, f);
            }
            UpdateResult r = membership.updateProfile(f.editMemberId(), change);
            if (r instanceof UpdateResult.Rejected rejected) {
                return Transition.reask("membership.update_rejected." + rejected.reason().name());
            }
            return Transition.finish(Reply.text("membership.saved"));
        }
        if (f.returnToSummary() && answered != Step.PROVINCE) {
            return Transition.goTo(Step.SUMMARY, f.returningToSummary(false));
        }
        Step following = switch (answered) {
            case PHONE, LINK_OFFER -> Step.NAME;
            default -> Step.values()[answered.ordinal() + 1];
        };
        return Transition.goTo(following, f);
    }

    private Transition<Step, MemberForm> summaryAction(MemberForm f, Inbound in, Session s) {
        Optional<Step> edit = MemberFields.arg(in, ID, "edit").flatMap(MemberFormFlow::step)
                .filter(st -> st != Step.TERMS && st != Step.SUMMARY && st != Step.LINK_OFFER && st != Step.COUNTY);
        if (edit.isPresent()) {
            return Transition.goTo(edit.get(), f.returningToSummary(true));
        }
        if (MemberFields.is(in, ID + ":abort")) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (!MemberFields.is(in, ID + ":confirm")) {
            return Transition.reask("membership.choose_from_buttons");
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(f.phone());
        Optional<NationalCode> code = NationalCode.parse(f.nationalCode());
        if (phone.isEmpty() || code.isEmpty() || f.birthYear() == null || f.countyId() == null) {
            return Transition.reask("membership.form_incomplete");
        }
        RegistrationResult r = membership.register(new Registration(s.platform(), s.userId(), s.chat().chatId(),
                f.name(), phone.get(), f.phoneVerified(), code.get(), f.birthYear(), f.education(), f.expertise(),
                f.provinceId(), f.countyId(), new LinkedHashSet<>(f.interests()), f.termsVersion(), f.termsAcceptedAt(),
                Texts.EN.equals(s.locale()) ? "en" : "fa", f.referral()));
        if (r instanceof RegistrationResult.Registered ok) {
            return Transition.finish(Reply.text("membership.welcome", ok.member().fullName()));
        }
        RegistrationResult.Reason reason = ((RegistrationResult.Rejected) r).reason();
        return switch (reason) {
            case PHONE_OF_OTHER_MEMBER_LINK_POSSIBLE -> Transition.goTo(Step.LINK_OFFER, f);
            case COUNTY_NOT_IN_PROVINCE -> Transition.goTo(Step.PROVINCE, f.returningToSummary(true));
            case TERMS_NOT_ACCEPTED -> Transition.goTo(Step.TERMS, f);
            case DUPLICATE_NATIONAL_CODE, ALREADY_REGISTERED ->
                    Transition.finish(Reply.text("membership.rejected." + reason.name()));
            default -> Transition.reask("membership.rejected." + reason.name());
        };
    }
}

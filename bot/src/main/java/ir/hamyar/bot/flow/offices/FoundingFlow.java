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
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.NewApplication;
import ir.hamyar.domain.applications.Principle;
import ir.hamyar.domain.applications.Refusal;
import ir.hamyar.domain.applications.Result;
import ir.hamyar.domain.applications.SpaceTenure;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /found}: the application to found a local centre or a county office. Level, province, county
 * (neighbourhood for a local centre), proposed name, the space and how it is provided, co-founders by their
 * member codes, background, then each of the four principles accepted one by one, a summary, and submission.
 */
@Component
class FoundingFlow extends Flow<FoundingFlow.Step, FoundingForm> {

    static final String ID = "fo";

    enum Step { LEVEL, PROVINCE, COUNTY, NEIGHBOURHOOD, NAME, ADDRESS, TENURE, COFOUNDERS, BACKGROUND, PRINCIPLES,
        SUMMARY }

    private static final Principle[] PRINCIPLES = Principle.values();

    private final Membership membership;
    private final Applications applications;
    private final Regions regions;
    private final Authority authority;

    FoundingFlow(Membership membership, Applications applications, Regions regions, Authority authority) {
        super(ID, Step.class, FoundingForm.class);
        this.membership = membership;
        this.applications = applications;
        this.regions = regions;
        this.authority = authority;
    }

    @Override
    public Set<String> commands() {
        return Set.of("found");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.NEIGHBOURHOOD, Step.NAME, Step.ADDRESS, Step.COFOUNDERS, Step.BACKGROUND);
    }

    @Override
    public Transition<Step, FoundingForm> begin(Session session, Inbound trigger) {
        if (!authority.may(session, Action.APPLY_FOR_OFFICE)) {
            return Transition.finish(Reply.text("founding.members_only"));
        }
        return Transition.goTo(Step.LEVEL, FoundingForm.empty(), Reply.text("founding.intro"));
    }

    @Override
    public Step previous(Step step, FoundingForm f) {
        return switch (step) {
            case LEVEL -> null;
            case NAME -> f.local() ? Step.NEIGHBOURHOOD : Step.COUNTY;
            case PRINCIPLES -> Step.BACKGROUND;
            default -> Step.values()[step.ordinal() - 1];
        };
    }

    @Override
    public List<Reply> prompt(Step step, FoundingForm f, Session s) {
        return switch (step) {
            case LEVEL -> List.of(Reply.text(Text.of("founding.ask_level"), Keyboard.inline()
                    .row(Button.callback(Text.of("founding.level.LOCAL"), ID + ":lvl:LOCAL"))
                    .row(Button.callback(Text.of("founding.level.COUNTY"), ID + ":lvl:COUNTY"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case PROVINCE -> List.of(Reply.text(Text.of("founding.ask_province"),
                    Ui.provinces(ID, regions.provinces(), f.page(), s.locale(), true)));
            case COUNTY -> {
                List<County> list = regions.searchCounties(f.provinceId(), f.filter() == null ? "" : f.filter());
                yield List.of(Reply.text(Text.of("founding.ask_county", Ui.provinceName(regions, f.provinceId(),
                        s.locale())), Ui.counties(ID, list.isEmpty() ? regions.counties(f.provinceId()) : list,
                        f.page())));
            }
            case NEIGHBOURHOOD -> List.of(Reply.text(Text.of("founding.ask_neighbourhood"), Ui.backOnly()));
            case NAME -> List.of(Reply.text(Text.of("founding.ask_name"), Ui.backOnly()));
            case ADDRESS -> List.of(Reply.text(Text.of("founding.ask_address"), Ui.backOnly()));
            case TENURE -> {
                Keyboard.Builder b = Keyboard.inline();
                for (SpaceTenure t : SpaceTenure.values()) {
                    b.row(Button.callback(Text.of("founding.tenure." + t.name()), ID + ":ten:" + t.name()));
                }
                yield List.of(Reply.text(Text.of("founding.ask_tenure"),
                        b.row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            }
            case COFOUNDERS -> List.of(Reply.text(Text.of("founding.ask_cofounders"), Keyboard.inline()
                    .row(Button.callback(Text.of("founding.no_cofounders"), ID + ":nocof"))
                    .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            case BACKGROUND -> List.of(Reply.text(Text.of("founding.ask_background"), Ui.backOnly()));
            case PRINCIPLES -> {
                int n = Math.min(f.principles(), PRINCIPLES.length - 1);
                yield List.of(Reply.text(Text.of("founding.ask_principle", n + 1, PRINCIPLES.length,
                        Text.of("founding.principle." + PRINCIPLES[n].name())), Keyboard.inline()
                        .row(Button.callback(Text.of("founding.principle_accept"), ID + ":pr:" + n + ":yes"),
                                Button.callback(Text.of("founding.principle_decline"), ID + ":pr:" + n + ":no"))
                        .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
            }
            case SUMMARY -> List.of(Reply.text(summary(f, s), Keyboard.inline()
                    .row(Button.callback(Text.of("founding.submit"), ID + ":submit"))
                    .row(Button.callback(Text.of("common.cancel"), ID + ":abort")).build()));
        };
    }

    private Text summary(FoundingForm f, Session s) {
        return Text.of("founding.summary", Text.of("founding.level." + f.level()),
                Ui.provinceName(regions, f.provinceId(), s.locale()), Ui.countyName(regions, f.countyId()),
                f.local() ? f.neighbourhood() : Text.of("founding.none"), f.name(), f.address(),
                Text.of("founding.tenure." + f.tenure()), cofounderNames(f.cofounders(), s), f.background());
    }

    private Object cofounderNames(List<Long> ids, Session s) {
        if (ids.isEmpty()) {
            return Text.of("founding.none");
        }
        List<String> names = new ArrayList<>();
        for (Long id : ids) {
            membership.find(id).map(MemberView::fullName).ifPresent(names::add);
        }
        return String.join(Texts.get(s.locale(), "common.list_separator"), names);
    }

    @Override
    public Transition<Step, FoundingForm> onInput(Step step, FoundingForm f, Inbound in, Session s) {
        return switch (step) {
            case LEVEL -> Ui.arg(in, ID, "lvl").filter(v -> v.equals("LOCAL") || v.equals("COUNTY"))
                    .map(v -> Transition.<Step, FoundingForm>goTo(Step.PROVINCE, f.level(v)))
                    .orElseGet(() -> Transition.reask("founding.choose_from_buttons"));
            case PROVINCE -> province(f, in);
            case COUNTY -> county(f, in);
            case NEIGHBOURHOOD -> Ui.text(in).filter(t -> t.length() >= 2 && t.length() <= 80)
                    .map(t -> Transition.<Step, FoundingForm>goTo(Step.NAME, f.neighbourhood(t)))
                    .orElseGet(() -> Transition.reask("founding.neighbourhood_invalid"));
            case NAME -> Ui.text(in).filter(t -> t.length() >= 3 && t.length() <= 100)
                    .map(t -> Transition.<Step, FoundingForm>goTo(Step.ADDRESS, f.name(t)))
                    .orElseGet(() -> Transition.reask("founding.name_invalid"));
            case ADDRESS -> Ui.text(in).filter(t -> t.length() >= 5 && t.length() <= 300)
                    .map(t -> Transition.<Step, FoundingForm>goTo(Step.TENURE, f.address(t)))
                    .orElseGet(() -> Transition.reask("founding.address_invalid"));
            case TENURE -> Ui.arg(in, ID, "ten").filter(FoundingFlow::isTenure)
                    .map(t -> Transition.<Step, FoundingForm>goTo(Step.COFOUNDERS, f.tenure(t)))
                    .orElseGet(() -> Transition.reask("founding.choose_from_buttons"));
            case COFOUNDERS -> cofounders(f, in, s);
            case BACKGROUND -> Ui.text(in).filter(t -> t.length() >= 10 && t.length() <= 2000)
                    .map(t -> Transition.<Step, FoundingForm>goTo(Step.PRINCIPLES, f.background(t).principles(0)))
                    .orElseGet(() -> Transition.reask("founding.background_invalid"));
            case PRINCIPLES -> principle(f, in);
            case SUMMARY -> submit(f, in, s);
        };
    }

    private static boolean isTenure(String v) {
        for (SpaceTenure t : SpaceTenure.values()) {
            if (t.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private Transition<Step, FoundingForm> province(FoundingForm f, Inbound in) {
        Optional<Integer> page = Ui.intArg(in, ID, "pp");
        if (page.isPresent()) {
            return Transition.stay(f.page(page.get(), null), Ui.editOrSend(in, Text.of("founding.ask_province"),
                    Ui.provinces(ID, regions.provinces(), page.get(), null, true)));
        }
        return Ui.intArg(in, ID, "prov").filter(p -> regions.province(p).isPresent())
                .map(p -> Transition.<Step, FoundingForm>goTo(Step.COUNTY, f.province(p)))
                .orElseGet(() -> Transition.reask("founding.choose_from_buttons"));
    }

    private Transition<Step, FoundingForm> county(FoundingForm f, Inbound in) {
        Optional<Integer> page = Ui.intArg(in, ID, "cp");
        if (page.isPresent()) {
            List<County> list = regions.searchCounties(f.provinceId(), f.filter() == null ? "" : f.filter());
            return Transition.stay(f.page(page.get(), f.filter()), Ui.editOrSend(in, Text.of("founding.ask_county",
                    Ui.provinceName(regions, f.provinceId(), null)), Ui.counties(ID, list, page.get())));
        }
        Optional<String> typed = Ui.text(in);
        if (typed.isPresent()) {
            return Transition.goTo(Step.COUNTY, f.page(0, typed.get())); // typing part of a name narrows the list
        }
        Optional<Integer> id = Ui.intArg(in, ID, "cty");
        if (id.isEmpty()) {
            return Transition.reask("founding.choose_from_buttons");
        }
        if (!regions.countyBelongsTo(id.get(), f.provinceId())) {
            return Transition.reask("founding.county_wrong_province");
        }
        FoundingForm next = f.county(id.get());
        return Transition.goTo(next.local() ? Step.NEIGHBOURHOOD : Step.NAME, next);
    }

    /** Member codes separated by spaces or commas; each must be another active member's. */
    private Transition<Step, FoundingForm> cofounders(FoundingForm f, Inbound in, Session s) {
        if (Ui.is(in, ID + ":nocof")) {
            return Transition.goTo(Step.BACKGROUND, f.cofounders(List.of()));
        }
        Optional<String> typed = Ui.text(in);
        if (typed.isEmpty()) {
            return Transition.reask("founding.cofounders_invalid");
        }
        long self = authority.activeMember(s).map(MemberView::id).orElse(-1L);
        List<Long> ids = new ArrayList<>();
        for (String code : typed.get().split("[\\s,\u060C]+")) {
            Optional<Long> id = membership.memberIdByReferralCode(code);
            if (id.isEmpty()) {
                return Transition.reask("founding.cofounder_unknown", code);
            }
            if (!ids.contains(id.get())) {
                ids.add(id.get());
            }
        }
        Optional<Refusal> refusal = applications.checkCofounders(self, ids);
        if (refusal.isPresent()) {
            return Transition.reask("founding.refused." + refusal.get().name());
        }
        return Transition.goTo(Step.BACKGROUND, f.cofounders(ids));
    }

    private Transition<Step, FoundingForm> principle(FoundingForm f, Inbound in) {
        int n = f.principles();
        if (Ui.is(in, ID + ":pr:" + n + ":no")) {
            return Transition.finish(Reply.text("founding.principle_declined"));
        }
        if (!Ui.is(in, ID + ":pr:" + n + ":yes")) {
            return Transition.reask("founding.choose_from_buttons");
        }
        FoundingForm next = f.principles(n + 1);
        return Transition.goTo(next.principles() >= PRINCIPLES.length ? Step.SUMMARY : Step.PRINCIPLES, next);
    }

    private Transition<Step, FoundingForm> submit(FoundingForm f, Inbound in, Session s) {
        if (Ui.is(in, ID + ":abort")) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (!Ui.is(in, ID + ":submit")) {
            return Transition.reask("founding.choose_from_buttons");
        }
        Optional<MemberView> founder = authority.activeMember(s);
        if (founder.isEmpty()) {
            return Transition.finish(Reply.text("founding.members_only"));
        }
        if (f.principles() < PRINCIPLES.length || f.countyId() == null || f.tenure() == null) {
            return Transition.goTo(Step.LEVEL, FoundingForm.empty(), Reply.text("founding.form_incomplete"));
        }
        Result r = applications.submit(new NewApplication(founder.get().id(), OfficeLevel.valueOf(f.level()),
                f.provinceId(), f.countyId(), f.neighbourhood(), f.name(), f.address(), SpaceTenure.valueOf(f.tenure()),
                f.cofounders(), f.background(), EnumSet.allOf(Principle.class)));
        if (r instanceof Result.Done done) {
            ApplicationView app = done.application();
            return Transition.finish(Reply.text("founding.submitted", app.trackingNo()));
        }
        return Transition.finish(Reply.text("founding.refused." + ((Result.Refused) r).reason().name()));
    }
}

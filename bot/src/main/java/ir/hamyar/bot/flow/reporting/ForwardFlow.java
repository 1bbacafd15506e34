package ir.hamyar.bot.flow.reporting;

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
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportActor;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.messages.PersianText;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A manager forwards a report to another office of the report's province, with an optional note
 * ({@code rfw:start:<id>}). Both offices and the reporter are told (by the notifications on the event).
 */
@Component
class ForwardFlow extends Flow<ForwardFlow.Step, ManagerDraft> {

    static final String ID = "rfw";

    enum Step { OFFICE, NOTE }

    private final ProblemReporting reporting;
    private final ReportActors actors;
    private final Offices offices;
    private final Regions regions;

    ForwardFlow(ProblemReporting reporting, ReportActors actors, Offices offices, Regions regions) {
        super(ID, Step.class, ManagerDraft.class);
        this.reporting = reporting;
        this.actors = actors;
        this.offices = offices;
        this.regions = regions;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":start:");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.NOTE);
    }

    @Override
    public Transition<Step, ManagerDraft> begin(Session session, Inbound trigger) {
        Optional<ReportView> report = ReportActors.idAfter(trigger.callbackData(), ID + ":start:")
                .flatMap(reporting::find);
        Optional<ReportActor> actor = actors.of(session);
        if (report.isEmpty()) {
            return Transition.finish(Reply.text("reporting.action_refused.NO_SUCH_REPORT"));
        }
        if (actor.isEmpty() || !reporting.mayManage(report.get().id(), actor.get())) {
            return Transition.finish(Reply.text("reporting.action_refused.NOT_ALLOWED"));
        }
        if (!report.get().status().isOpen()) {
            return Transition.finish(Reply.text("reporting.action_refused.WRONG_STATE"));
        }
        if (targets(report.get()).isEmpty()) {
            return Transition.finish(Reply.text("reporting.no_offices"));
        }
        return Transition.goTo(Step.OFFICE, new ManagerDraft(report.get().id(), report.get().trackingCode(), false,
                null));
    }

    /** The active offices of the report's province other than the one holding it. */
    private List<OfficeView> targets(ReportView r) {
        return regions.county(r.countyId()).map(County::provinceId).map(offices::ofProvince).orElse(List.of())
                .stream().filter(OfficeView::isActive).filter(o -> !Objects.equals(o.id(), r.officeId())).toList();
    }

    @Override
    public Step previous(Step step, ManagerDraft draft) {
        return step == Step.NOTE ? Step.OFFICE : null;
    }

    @Override
    public List<Reply> prompt(Step step, ManagerDraft d, Session session) {
        if (step == Step.OFFICE) {
            Keyboard.Builder b = Keyboard.inline();
            reporting.find(d.reportId()).map(this::targets).orElse(List.of()).forEach(o ->
                    b.row(Button.callback(ReportTexts.raw(o.name()), ID + ":off:" + o.id())));
            b.row(Button.callback(Text.of("common.cancel"), ID + ":abort"));
            return List.of(Reply.text(Text.of("reporting.ask_forward_office", d.trackingCode()), b.build()));
        }
        return List.of(Reply.text(Text.of("reporting.ask_forward_note"), Keyboard.inline()
                .row(Button.callback(Text.of("common.skip"), ID + ":skip"))
                .row(Button.callback(Text.of("common.back"), "nav:back")).build()));
    }

    @Override
    public Transition<Step, ManagerDraft> onInput(Step step, ManagerDraft d, Inbound in, Session s) {
        if ((ID + ":abort").equals(in.callbackData())) {
            return Transition.finish(Reply.text("runtime.cancelled"));
        }
        if (step == Step.OFFICE) {
            Optional<Long> office = ReportActors.idAfter(in.callbackData(), ID + ":off:");
            Optional<ReportView> report = reporting.find(d.reportId());
            if (office.isEmpty() || report.isEmpty()
                    || targets(report.get()).stream().noneMatch(o -> o.id() == office.get())) {
                return Transition.reask("membership.choose_from_buttons");
            }
            return Transition.goTo(Step.NOTE, d.office(office.get()));
        }
        String note;
        if ((ID + ":skip").equals(in.callbackData())) {
            note = null;
        } else if (in.kind() == Inbound.Kind.MESSAGE && in.text() != null && !in.text().isBlank()) {
            note = PersianText.normalize(in.text());
        } else {
            return Transition.reask("reporting.ask_forward_note");
        }
        Optional<ReportActor> actor = actors.of(s);
        if (actor.isEmpty() || d.officeId() == null) {
            return Transition.finish(Reply.text("reporting.action_refused.NOT_ALLOWED"));
        }
        ActionResult r = reporting.forward(d.reportId(), actor.get(), d.officeId(), note);
        if (r instanceof ActionResult.Refused refused) {
            return refused.reason() == ActionResult.Reason.INVALID_INPUT
                    ? Transition.reask("reporting.note_invalid")
                    : Transition.finish(Reply.text("reporting.action_refused." + refused.reason().name()));
        }
        String name = offices.find(d.officeId()).map(OfficeView::name).orElse("");
        return Transition.finish(Reply.text("reporting.forwarded_done", d.trackingCode(), name));
    }
}

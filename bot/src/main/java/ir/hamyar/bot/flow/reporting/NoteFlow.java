package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportActor;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.messages.PersianText;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manager's note on a report ({@code rnt:start:<id>:i} internal, {@code rnt:start:<id>:p} public: the
 * reporter receives it).
 */
@Component
class NoteFlow extends Flow<ManagerStep, ManagerDraft> {

    static final String ID = "rnt";

    private final ProblemReporting reporting;
    private final ReportActors actors;

    NoteFlow(ProblemReporting reporting, ReportActors actors) {
        super(ID, ManagerStep.class, ManagerDraft.class);
        this.reporting = reporting;
        this.actors = actors;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":start:");
    }

    @Override
    public Set<ManagerStep> textSteps() {
        return EnumSet.of(ManagerStep.TEXT);
    }

    @Override
    public Transition<ManagerStep, ManagerDraft> begin(Session session, Inbound trigger) {
        String data = trigger.callbackData();
        Optional<ReportView> report = ReportActors.idAfter(data, ID + ":start:").flatMap(reporting::find);
        Optional<ReportActor> actor = actors.of(session);
        if (report.isEmpty() || !(data.endsWith(":p") || data.endsWith(":i"))) {
            return Transition.finish(Reply.text("reporting.action_refused.NO_SUCH_REPORT"));
        }
        if (actor.isEmpty() || !reporting.mayManage(report.get().id(), actor.get())) {
            return Transition.finish(Reply.text("reporting.action_refused.NOT_ALLOWED"));
        }
        return Transition.goTo(ManagerStep.TEXT, new ManagerDraft(report.get().id(), report.get().trackingCode(),
                data.endsWith(":p"), null));
    }

    @Override
    public List<Reply> prompt(ManagerStep step, ManagerDraft d, Session session) {
        return List.of(Reply.text(Text.of(d.isPublic() ? "reporting.ask_public_note" : "reporting.ask_note",
                d.trackingCode())));
    }

    @Override
    public Transition<ManagerStep, ManagerDraft> onInput(ManagerStep step, ManagerDraft d, Inbound in, Session s) {
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null) {
            return Transition.reask("reporting.note_invalid");
        }
        Optional<ReportActor> actor = actors.of(s);
        if (actor.isEmpty()) {
            return Transition.finish(Reply.text("reporting.action_refused.NOT_ALLOWED"));
        }
        ActionResult r = reporting.addNote(d.reportId(), actor.get(), PersianText.normalize(in.text()), d.isPublic());
        if (r instanceof ActionResult.Refused refused) {
            return refused.reason() == ActionResult.Reason.INVALID_INPUT
                    ? Transition.reask("reporting.note_invalid")
                    : Transition.finish(Reply.text("reporting.action_refused." + refused.reason().name()));
        }
        return Transition.finish(Reply.text(d.isPublic() ? "reporting.public_note_saved" : "reporting.note_saved"));
    }
}

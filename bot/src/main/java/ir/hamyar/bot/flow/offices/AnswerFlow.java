package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.applications.ApplicationStatus;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.Result;
import ir.hamyar.domain.membership.MemberView;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The applicant's Answer button under the reviewers' question: the next text goes back to the review. */
@Component
class AnswerFlow extends Flow<AnswerFlow.Step, AnswerFlow.Pending> {

    static final String ID = "an";

    enum Step { TEXT }

    record Pending(long applicationId, String trackingNo, String question) {
    }

    private final Applications applications;
    private final Authority authority;

    AnswerFlow(Applications applications, Authority authority) {
        super(ID, Step.class, Pending.class);
        this.applications = applications;
        this.authority = authority;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":q:");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.TEXT);
    }

    @Override
    public Transition<Step, Pending> begin(Session session, Inbound trigger) {
        Optional<Long> founder = authority.activeMember(session).map(MemberView::id);
        Optional<ApplicationView> app = Ui.longArg(trigger, ID, "q").flatMap(applications::find)
                .filter(a -> founder.isPresent() && a.founderId() == founder.get());
        if (app.isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        if (app.get().status() != ApplicationStatus.WAITING_FOR_APPLICANT) {
            return Transition.finish(Reply.text("founding.no_question_pending", app.get().trackingNo()));
        }
        return Transition.goTo(Step.TEXT, new Pending(app.get().id(), app.get().trackingNo(), app.get().question()));
    }

    @Override
    public List<Reply> prompt(Step step, Pending p, Session session) {
        return List.of(Reply.text(Text.of("founding.ask_answer", p.trackingNo(), p.question()), Ui.backOnly()));
    }

    @Override
    public Transition<Step, Pending> onInput(Step step, Pending p, Inbound in, Session session) {
        Optional<String> text = Ui.text(in);
        if (text.isEmpty()) {
            return Transition.reask("founding.text_required");
        }
        Optional<Long> founder = authority.activeMember(session).map(MemberView::id);
        if (founder.isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        Result r = applications.answer(p.applicationId(), founder.get(), text.get());
        if (r instanceof Result.Refused refused) {
            return Transition.finish(Reply.text("founding.refused." + refused.reason().name()));
        }
        return Transition.finish(Reply.text("founding.answer_sent", p.trackingNo()));
    }
}

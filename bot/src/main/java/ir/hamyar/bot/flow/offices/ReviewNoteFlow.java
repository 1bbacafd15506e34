package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.Result;
import ir.hamyar.domain.applications.Reviewer;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reviewer's Reject or Ask button: the next text they send is the reason or the question. Authority and the
 * application's state are checked when the button is pressed and again when the text arrives.
 */
@Component
class ReviewNoteFlow extends Flow<ReviewNoteFlow.Step, ReviewNoteFlow.Note> {

    static final String ID = "rv";
    static final String REJECT = ID + ":rej:";
    static final String ASK = ID + ":ask:";

    enum Step { TEXT }

    /** {@code reject}: the text is a rejection reason; otherwise a question for the applicant. */
    record Note(long applicationId, boolean reject, String trackingNo) {
    }

    private final Applications applications;
    private final Authority authority;

    ReviewNoteFlow(Applications applications, Authority authority) {
        super(ID, Step.class, Note.class);
        this.applications = applications;
        this.authority = authority;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(REJECT) || data.startsWith(ASK);
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.TEXT);
    }

    @Override
    public Transition<Step, Note> begin(Session session, Inbound trigger) {
        boolean reject = trigger.callbackData() != null && trigger.callbackData().startsWith(REJECT);
        Optional<Long> id = Ui.longArg(trigger, ID, reject ? "rej" : "ask");
        Optional<ApplicationView> app = id.flatMap(applications::find);
        if (app.isEmpty() || authority.reviewerOf(session, app.get().id()).isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        if (!app.get().status().isOpen()) {
            return Transition.finish(Reply.text("founding.already_decided", app.get().trackingNo(),
                    Text.of("founding.status." + app.get().status().name())));
        }
        return Transition.goTo(Step.TEXT, new Note(app.get().id(), reject, app.get().trackingNo()));
    }

    @Override
    public List<Reply> prompt(Step step, Note note, Session session) {
        return List.of(Reply.text(Text.of(note.reject() ? "founding.ask_reason" : "founding.ask_question",
                note.trackingNo()), Ui.backOnly()));
    }

    @Override
    public Transition<Step, Note> onInput(Step step, Note note, Inbound in, Session session) {
        Optional<String> text = Ui.text(in);
        if (text.isEmpty()) {
            return Transition.reask("founding.text_required");
        }
        Optional<Reviewer> reviewer = authority.reviewerOf(session, note.applicationId());
        if (reviewer.isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        Result r = note.reject() ? applications.reject(note.applicationId(), reviewer.get(), text.get())
                : applications.askForInformation(note.applicationId(), reviewer.get(), text.get());
        if (r instanceof Result.Refused refused) {
            return Transition.finish(Reply.text("founding.refused." + refused.reason().name()));
        }
        return Transition.finish(Reply.text(note.reject() ? "founding.rejected_done" : "founding.question_sent",
                note.trackingNo()));
    }
}

package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.training.Change;
import ir.hamyar.domain.training.CourseEdit;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.JalaliDates;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Changes one detail of a course from its manage card ({@code ce:<course>:<FIELD>}): asks for the new value. */
@Component
class CourseEditFlow extends Flow<CourseEditFlow.Step, CourseEditFlow.Draft> {

    static final String ID = "ce";

    enum Step { VALUE }

    record Draft(long courseId, String field) {
    }

    private final Training training;
    private final CourseAuthority authority;

    CourseEditFlow(Training training, CourseAuthority authority) {
        super(ID, Step.class, Draft.class);
        this.training = training;
        this.authority = authority;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.VALUE);
    }

    @Override
    public Transition<Step, Draft> begin(Session session, Inbound trigger) {
        String[] p = trigger.callbackData() == null ? new String[0] : trigger.callbackData().split(":");
        Optional<CourseView> course = p.length == 3 ? CourseFormFlow.longNumber(p[1]).flatMap(training::course)
                : Optional.empty();
        if (course.isEmpty() || !ManagerCourses.EDITABLE.contains(p[2])) {
            return Transition.finish(Reply.text("runtime.callback_stale"));
        }
        if (!authority.mayManage(session, course.get())) {
            return Transition.finish(Reply.text("training.not_allowed"));
        }
        return Transition.goTo(Step.VALUE, new Draft(course.get().id(), p[2]));
    }

    @Override
    public List<Reply> prompt(Step step, Draft d, Session s) {
        return List.of(Reply.text(Text.of("training.edit_ask." + d.field()),
                Keyboard.reply().row(Button.text(Text.of("common.back"))).build()));
    }

    @Override
    public Transition<Step, Draft> onInput(Step step, Draft d, Inbound in, Session s) {
        Optional<CourseView> course = training.course(d.courseId());
        if (course.isEmpty() || !authority.mayManage(s, course.get())) {
            return Transition.finish(Reply.text("training.not_allowed"));
        }
        Optional<String> text = CourseFormFlow.text(in);
        Optional<CourseEdit> edit = text.flatMap(t -> switch (d.field()) {
            case "TITLE" -> Optional.of(new CourseEdit.Title(t));
            case "DESCRIPTION" -> Optional.of(new CourseEdit.Description(t));
            case "LOCATION" -> Optional.of(new CourseEdit.Location(t));
            case "CAPACITY" -> CourseFormFlow.number(t).map(CourseEdit.Capacity::new);
            case "DEADLINE" -> JalaliDates.parseDateTime(t)
                    .map(l -> new CourseEdit.EnrolmentDeadline(l.atZone(JalaliDates.TEHRAN).toInstant()));
            default -> Optional.empty();
        });
        if (edit.isEmpty()) {
            return Transition.reask("training.edit_invalid");
        }
        Change r = training.edit(d.courseId(), edit.get());
        if (r == Change.INVALID) {
            return Transition.reask("training.edit_invalid");
        }
        return Transition.finish(Reply.text(r == Change.DONE ? Text.of("training.edited", course.get().title())
                : Text.of("training.change_refused." + r.name()), Keyboard.inline()
                .row(Button.callback(Text.of("training.manage"), ManagerCourses.PREFIX + ":m:" + d.courseId())).build()));
    }
}

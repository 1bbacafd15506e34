package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.training.AttendanceMark;
import ir.hamyar.domain.training.Change;
import ir.hamyar.domain.training.CourseStatus;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.EnrolmentStatus;
import ir.hamyar.domain.training.Participant;
import ir.hamyar.domain.training.SessionView;
import ir.hamyar.domain.training.Training;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The side of whoever runs a course (admins; managers of the offering office): {@code /runcourses}, the manage
 * card, attendance sheets per session, the results sheet with confirmation, approval of pending enrolments,
 * closing and cancelling. Callback data {@code cm:<action>:<id>[:<member>]}; authority is checked on every press.
 */
@Component
class ManagerCourses implements CommandHandler, CallbackHandler {

    static final String PREFIX = "cm";
    static final List<String> EDITABLE = List.of("TITLE", "DESCRIPTION", "LOCATION", "CAPACITY", "DEADLINE");

    private final Training training;
    private final CourseAuthority authority;
    private final CourseCards cards;

    ManagerCourses(Training training, CourseAuthority authority, CourseCards cards) {
        this.training = training;
        this.authority = authority;
        this.cards = cards;
    }

    @Override
    public Set<String> commands() {
        return Set.of("runcourses");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    static Reply runList(Training training, CourseAuthority authority, Session s) {
        List<CourseView> courses = training.coursesRunBy(authority.managedOffices(s),
                authority.activeMemberId(s).orElse(null), s.platform(), s.userId(), authority.isAdmin(s));
        if (courses.isEmpty()) {
            return Reply.text("training.run_none");
        }
        Keyboard.Builder b = Keyboard.inline();
        for (CourseView c : courses) {
            b.row(Button.callback(Text.of("training.run_item", c.title(), Text.of("training.status." + c.status().name())),
                    PREFIX + ":m:" + c.id()));
        }
        return Reply.text(Text.of("training.run_title"), b.build());
    }

    @Override
    public List<Reply> handle(Inbound in, Session s) {
        if (in.kind() != Inbound.Kind.CALLBACK) {
            return authority.mayCreate(s) ? List.of(runList(training, authority, s))
                    : List.of(Reply.text("training.not_allowed"));
        }
        String[] p = in.callbackData().split(":");
        if (p.length < 3 || p.length > 4) {
            return stale(in);
        }
        Optional<Long> id = CourseFormFlow.longNumber(p[2]);
        Optional<Long> member = p.length == 4 ? CourseFormFlow.longNumber(p[3]) : Optional.empty();
        if (id.isEmpty() || (p.length == 4 && member.isEmpty())) {
            return stale(in);
        }
        boolean bySession = p[1].equals("a") || p[1].equals("t");
        Optional<SessionView> session = bySession ? training.session(id.get()) : Optional.empty();
        Optional<CourseView> course = training.course(bySession ? session.map(SessionView::courseId).orElse(-1L) : id.get());
        if (course.isEmpty() || !authority.mayManage(s, course.get())) {
            return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("training.not_allowed")));
        }
        CourseView c = course.get();
        Long by = authority.activeMemberId(s).orElse(null);
        return switch (p[1]) {
            case "m" -> List.of(manageCard(c, s));
            case "s" -> List.of(sessionList(c, s));
            case "a" -> List.of(Reply.text(sheetText(c, session.get(), s), sheet(c, session.get())));
            case "t" -> member.isEmpty() ? stale(in) : toggle(in, c, session.get(), member.get(), by, s);
            case "r" -> List.of(Reply.text(Text.of("training.results_title", c.title()), results(c)));
            case "rt" -> member.isEmpty() ? stale(in) : toggleResult(in, c, member.get());
            case "rc" -> done(training.confirmResults(c.id()), "training.results_confirmed", c);
            case "ap", "rj" -> member.isEmpty() ? stale(in)
                    : done(training.decide(c.id(), member.get(), p[1].equals("ap")),
                    p[1].equals("ap") ? "training.approved" : "training.rejected", c);
            case "cl" -> done(training.closeEnrolment(c.id()), "training.closed", c);
            case "cx" -> List.of(Reply.text(Text.of("training.cancel_ask", c.title()), Keyboard.inline()
                    .row(Button.callback(Text.of("training.cancel_yes"), PREFIX + ":cxy:" + c.id()),
                            Button.callback(Text.of("common.no"), PREFIX + ":m:" + c.id())).build()));
            case "cxy" -> done(training.cancelCourse(c.id()), "training.cancelled", c);
            default -> stale(in);
        };
    }

    private static List<Reply> stale(Inbound in) {
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("runtime.callback_stale")));
    }

    private static List<Reply> done(Change change, String key, CourseView c) {
        return List.of(change == Change.DONE ? Reply.text(key, c.title())
                : Reply.text("training.change_refused." + change.name()));
    }

    private Reply manageCard(CourseView c, Session s) {
        Keyboard.Builder b = Keyboard.inline();
        boolean running = c.status() == CourseStatus.OPEN || c.status() == CourseStatus.CLOSED;
        if (running || c.status() == CourseStatus.FINISHED) {
            b.row(Button.callback(Text.of("training.attendance"), PREFIX + ":s:" + c.id()));
        }
        if (c.status() == CourseStatus.FINISHED && c.resultsConfirmedAt() == null) {
            b.row(Button.callback(Text.of("training.results"), PREFIX + ":r:" + c.id()));
        }
        if (running) {
            for (String field : EDITABLE) {
                b.row(Button.callback(Text.of("training.edit_field." + field), CourseEditFlow.ID + ":" + c.id() + ":" + field));
            }
        }
        if (c.status() == CourseStatus.OPEN) {
            b.row(Button.callback(Text.of("training.close"), PREFIX + ":cl:" + c.id()));
        }
        if (running) {
            b.row(Button.callback(Text.of("training.cancel_course"), PREFIX + ":cx:" + c.id()));
        }
        long pending = training.participants(c.id()).stream()
                .filter(x -> x.status() == EnrolmentStatus.PENDING_APPROVAL).count();
        return Reply.text(Text.of("training.manage_card", cards.card(c, s.locale()), c.seatsTaken(),
                c.waiting(), pending), b.build());
    }

    private Reply sessionList(CourseView c, Session s) {
        Keyboard.Builder b = Keyboard.inline();
        for (SessionView x : c.sessions()) {
            b.row(Button.callback(Text.of("training.session_button", x.number(),
                    CourseCards.when(x.startsAt(), s.locale())), PREFIX + ":a:" + x.id()));
        }
        return Reply.text(Text.of("training.choose_session", c.title()), b.build());
    }

    private Text sheetText(CourseView c, SessionView x, Session s) {
        return Text.of("training.sheet_title", c.title(), x.number(), CourseCards.when(x.startsAt(), s.locale()));
    }

    private Keyboard sheet(CourseView c, SessionView x) {
        Map<Long, AttendanceMark> marks = training.attendance(x.id());
        Keyboard.Builder b = Keyboard.inline();
        for (Participant p : training.participants(c.id())) {
            if (p.status() != EnrolmentStatus.ENROLLED && p.status() != EnrolmentStatus.COMPLETED
                    && p.status() != EnrolmentStatus.NOT_COMPLETED) {
                continue;
            }
            AttendanceMark m = marks.get(p.memberId());
            b.row(Button.callback(Text.of("training.mark." + (m == null ? "NONE" : m.name()), name(p)),
                    PREFIX + ":t:" + x.id() + ":" + p.memberId()));
        }
        return b.build();
    }

    private static String name(Participant p) {
        return p.fullName() == null ? "-" : p.fullName();
    }

    /** Unmarked → present → absent → excused → present: one tap per change, the sheet edited in place. */
    static AttendanceMark next(AttendanceMark current) {
        if (current == null || current == AttendanceMark.EXCUSED) {
            return AttendanceMark.PRESENT;
        }
        return current == AttendanceMark.PRESENT ? AttendanceMark.ABSENT : AttendanceMark.EXCUSED;
    }

    private List<Reply> toggle(Inbound in, CourseView c, SessionView x, long memberId, Long by, Session s) {
        Change r = training.markAttendance(x.id(), memberId, next(training.attendance(x.id()).get(memberId)), by);
        if (r != Change.DONE) {
            return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("training.change_refused." + r.name())));
        }
        return List.of(edit(in, sheetText(c, x, s), sheet(c, x)));
    }

    private static Reply edit(Inbound in, Text text, Keyboard keyboard) {
        return in.messageId() == null ? Reply.text(text, keyboard) : new Reply.Edit(null, in.messageId(), text, keyboard);
    }

    private Keyboard results(CourseView c) {
        Keyboard.Builder b = Keyboard.inline();
        for (Participant p : training.participants(c.id())) {
            if (p.status() == EnrolmentStatus.COMPLETED || p.status() == EnrolmentStatus.NOT_COMPLETED) {
                b.row(Button.callback(Text.of("training.result." + p.status().name(), name(p)),
                        PREFIX + ":rt:" + c.id() + ":" + p.memberId()));
            }
        }
        return b.row(Button.callback(Text.of("training.results_confirm"), PREFIX + ":rc:" + c.id())).build();
    }

    private List<Reply> toggleResult(Inbound in, CourseView c, long memberId) {
        boolean completed = training.enrolment(c.id(), memberId).map(e -> e.status() == EnrolmentStatus.COMPLETED)
                .orElse(false);
        Change r = training.setResult(c.id(), memberId, !completed);
        if (r != Change.DONE) {
            return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("training.change_refused." + r.name())));
        }
        return List.of(edit(in, Text.of("training.results_title", c.title()), results(c)));
    }
}

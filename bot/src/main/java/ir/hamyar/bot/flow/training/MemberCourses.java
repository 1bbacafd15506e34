package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.training.Change;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.EnrolResult;
import ir.hamyar.domain.training.EnrolmentStatus;
import ir.hamyar.domain.training.EnrolmentView;
import ir.hamyar.domain.training.Training;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The member's side: {@code /courses} (open courses they may join, paged), the course card, enrolling with one tap,
 * the waitlist, confirming an offer, leaving, {@code /mycourses} and the reminder opt-out. Callback data
 * {@code tr:<action>:<id>}; every press is checked again against the database.
 */
@Component
class MemberCourses implements CommandHandler, CallbackHandler {

    static final String PREFIX = "tr";
    static final int PAGE_SIZE = 5;

    private final Training training;
    private final CourseAuthority authority;
    private final CourseCards cards;

    MemberCourses(Training training, CourseAuthority authority, CourseCards cards) {
        this.training = training;
        this.authority = authority;
        this.cards = cards;
    }

    @Override
    public Set<String> commands() {
        return Set.of("courses");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<Reply> handle(Inbound in, Session s) {
        Optional<MemberView> member = authority.member(s).filter(MemberView::isActive);
        if (in.kind() == Inbound.Kind.CALLBACK) {
            return member.map(m -> callback(in, s, m.id()))
                    .orElseGet(() -> List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("training.members_only"))));
        }
        if (member.isEmpty()) {
            return List.of(Reply.text("training.members_only"));
        }
        return List.of(list(s, member.get().id(), 0));
    }

    private Reply.Send list(Session s, long memberId, int page) {
        List<CourseView> courses = training.openCoursesFor(memberId, page, PAGE_SIZE + 1);
        if (courses.isEmpty() && page == 0) {
            return Reply.text(Text.of("training.no_courses"));
        }
        Keyboard.Builder b = Keyboard.inline();
        for (CourseView c : courses.subList(0, Math.min(PAGE_SIZE, courses.size()))) {
            b.row(Button.callback(Text.of("training.list_item", c.title(), c.firstSessionAt() == null ? ""
                    : CourseCards.when(c.firstSessionAt(), s.locale())), PREFIX + ":c:" + c.id()));
        }
        List<Button> nav = new ArrayList<>();
        if (page > 0) {
            nav.add(Button.callback(Text.of("common.previous_page"), PREFIX + ":p:" + (page - 1)));
        }
        if (courses.size() > PAGE_SIZE) {
            nav.add(Button.callback(Text.of("common.next_page"), PREFIX + ":p:" + (page + 1)));
        }
        b.row(nav);
        return Reply.text(Text.of("training.list_title"), b.build());
    }

    private List<Reply> callback(Inbound in, Session s, long memberId) {
        String[] parts = in.callbackData().split(":");
        if (parts.length != 3) {
            return stale(in);
        }
        Optional<Long> id = CourseFormFlow.longNumber(parts[2]);
        if (parts[1].equals("r") && (parts[2].equals("on") || parts[2].equals("off"))) {
            training.setRemindersOff(memberId, parts[2].equals("off"));
            return List.of(Reply.text(parts[2].equals("off") ? "training.reminders_now_off" : "training.reminders_now_on"));
        }
        if (id.isEmpty()) {
            return stale(in);
        }
        if (parts[1].equals("p")) {
            return List.of(list(s, memberId, (int) Math.min(id.get(), 10_000)));
        }
        Optional<CourseView> course = training.course(id.get());
        if (course.isEmpty()) {
            return stale(in);
        }
        long courseId = course.get().id();
        return switch (parts[1]) {
            case "c" -> List.of(card(course.get(), s, memberId));
            case "e" -> enrolled(training.enrol(courseId, memberId), course.get());
            case "w" -> enrolled(training.joinWaitlist(courseId, memberId), course.get());
            case "o" -> changed(training.confirmOffer(courseId, memberId), "training.offer_confirmed", course.get());
            case "x" -> List.of(Reply.text(Text.of("training.leave_ask", course.get().title()), Keyboard.inline()
                    .row(Button.callback(Text.of("training.leave_yes"), PREFIX + ":xy:" + courseId),
                            Button.callback(Text.of("common.no"), PREFIX + ":c:" + courseId)).build()));
            case "xy" -> changed(training.cancelEnrolment(courseId, memberId), "training.left", course.get());
            default -> stale(in);
        };
    }

    private static List<Reply> stale(Inbound in) {
        return List.of(new Reply.AnswerCallback(null, in.callbackId(), Text.of("runtime.callback_stale")));
    }

    private Reply card(CourseView c, Session s, long memberId) {
        Optional<EnrolmentView> e = training.enrolment(c.id(), memberId);
        Keyboard.Builder b = Keyboard.inline();
        Text mine = null;
        if (e.isPresent() && e.get().status() != EnrolmentStatus.CANCELLED) {
            mine = status(e.get(), s);
            if (e.get().status() == EnrolmentStatus.OFFERED) {
                b.row(Button.callback(Text.of("training.confirm_offer"), PREFIX + ":o:" + c.id()));
            }
            if (e.get().status().active()) {
                b.row(Button.callback(Text.of("training.leave"), PREFIX + ":x:" + c.id()));
            }
        } else {
            b.row(Button.callback(Text.of("training.enrol"), PREFIX + ":e:" + c.id()));
        }
        Text card = cards.card(c, s.locale());
        return Reply.text(mine == null ? card : Text.of("training.card_with_status", card, mine), b.build());
    }

    static Text status(EnrolmentView e, Session s) {
        return switch (e.status()) {
            case WAITLISTED -> Text.of("training.my_status.WAITLISTED_AT", e.waitlistPosition());
            case OFFERED -> Text.of("training.my_status.OFFERED_UNTIL", CourseCards.when(e.offerExpiresAt(), s.locale()));
            default -> Text.of("training.my_status." + e.status().name());
        };
    }

    private List<Reply> enrolled(EnrolResult r, CourseView c) {
        return switch (r.outcome()) {
            case ENROLLED -> List.of(Reply.text("training.enrolled", c.title()));
            case PENDING_APPROVAL -> List.of(Reply.text("training.pending_approval", c.title()));
            case WAITLISTED -> List.of(Reply.text("training.waitlisted", c.title(), r.position()));
            case FULL -> List.of(Reply.text(Text.of("training.full", c.title(), r.position()),
                    Keyboard.inline().row(Button.callback(Text.of("training.join_waitlist"), PREFIX + ":w:" + c.id()))
                            .build()));
            default -> List.of(Reply.text("training.enrol_refused." + r.outcome().name()));
        };
    }

    private static List<Reply> changed(Change change, String doneKey, CourseView c) {
        return List.of(change == Change.DONE ? Reply.text(doneKey, c.title())
                : Reply.text("training.change_refused." + change.name()));
    }

    /** {@code /mycourses} (typed or from the menu: the input is then the menu label, so it has its own handler). */
    List<Reply> myCourses(Session s) {
        Optional<MemberView> member = authority.member(s).filter(MemberView::isActive);
        return member.isEmpty() ? List.of(Reply.text("training.members_only")) : myCourses(s, member.get().id());
    }

    private List<Reply> myCourses(Session s, long memberId) {
        List<Reply> replies = new ArrayList<>();
        List<EnrolmentView> mine = training.enrolmentsOf(memberId).stream()
                .filter(e -> e.status() != EnrolmentStatus.CANCELLED).toList();
        if (mine.isEmpty()) {
            replies.add(Reply.text("training.my_none"));
        } else {
            Keyboard.Builder b = Keyboard.inline();
            Text list = null;
            for (EnrolmentView e : mine) {
                Optional<CourseView> c = training.course(e.courseId());
                if (c.isEmpty()) {
                    continue;
                }
                Text line = Text.of("training.my_line", c.get().title(), status(e, s));
                list = list == null ? line : Text.of("training.lines", list, line);
                b.row(Button.callback(Text.of("common.raw", c.get().title()), PREFIX + ":c:" + c.get().id()));
            }
            replies.add(Reply.text(Text.of("training.my_title", list), b.build()));
        }
        boolean off = training.remindersOff(memberId);
        replies.add(Reply.text(Text.of(off ? "training.reminders_are_off" : "training.reminders_are_on"), Keyboard.inline()
                .row(Button.callback(Text.of(off ? "training.reminders_turn_on" : "training.reminders_turn_off"),
                        PREFIX + ":r:" + (off ? "on" : "off"))).build()));
        if (authority.isAdmin(s) || !authority.managedOffices(s).isEmpty()) {
            replies.add(ManagerCourses.runList(training, authority, s));
        }
        return replies;
    }
}

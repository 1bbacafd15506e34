package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** {@code /mycourses}: the member's enrolments with their status, the reminder switch, and courses they run. */
@Component
class MyCoursesCommand implements CommandHandler {

    private final MemberCourses courses;

    MyCoursesCommand(MemberCourses courses) {
        this.courses = courses;
    }

    @Override
    public Set<String> commands() {
        return Set.of("mycourses");
    }

    @Override
    public List<Reply> handle(Inbound command, Session session) {
        return courses.myCourses(session);
    }
}

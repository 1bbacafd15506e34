package ir.hamyar.bot.flow.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The draft of a new course: what the creator has answered so far, kept in the conversation row. Codes (level,
 * mode, audience) are enum names; {@code officeChosen} with a null {@code officeId} means a national course.
 */
record CourseDraft(
        String title,
        String description,
        String level,
        boolean officeChosen,
        Long officeId,
        Integer officeProvince,
        String mode,
        String location,
        List<Instant> sessions,
        Integer duration,
        Integer capacity,
        Instant deadline,
        String audience,
        Integer regionProvince,
        Integer regionId,
        Boolean approval) {

    CourseDraft {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    static CourseDraft empty() {
        return new CourseDraft(null, null, null, false, null, null, null, null, List.of(), null, null, null, null, null, null, null);
    }

    CourseDraft title(String value) {
        return new CourseDraft(value, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft description(String value) {
        return new CourseDraft(title, value, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft level(String value) {
        return new CourseDraft(title, description, value, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft officeChosen(boolean value) {
        return new CourseDraft(title, description, level, value, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft officeId(Long value) {
        return new CourseDraft(title, description, level, officeChosen, value, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft officeProvince(Integer value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, value, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft mode(String value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, value, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft location(String value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, value, sessions, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft sessions(List<Instant> value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, value, duration, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft duration(Integer value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, value, capacity, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft capacity(Integer value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, value, deadline, audience, regionProvince, regionId, approval);
    }

    CourseDraft deadline(Instant value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, value, audience, regionProvince, regionId, approval);
    }

    CourseDraft audience(String value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, value, regionProvince, regionId, approval);
    }

    CourseDraft regionProvince(Integer value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, value, regionId, approval);
    }

    CourseDraft regionId(Integer value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, value, approval);
    }

    CourseDraft approval(Boolean value) {
        return new CourseDraft(title, description, level, officeChosen, officeId, officeProvince, mode, location, sessions, duration, capacity, deadline, audience, regionProvince, regionId, value);
    }

    CourseDraft addSession(Instant at) {
        List<Instant> next = new ArrayList<>(sessions);
        if (!next.contains(at)) {
            next.add(at);
        }
        next.sort(null);
        return sessions(next);
    }
}

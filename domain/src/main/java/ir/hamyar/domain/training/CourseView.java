package ir.hamyar.domain.training;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;
import java.util.List;

/** What callers may know about a course; {@code sessions} in time order, {@code seatsTaken} counts held seats. */
public record CourseView(long id, String title, String description, CourseLevel level, Long officeId,
                         CourseMode mode, String location, int capacity, int seatsTaken, int waiting,
                         Instant enrolmentDeadline, Instant cancellationDeadline, Audience audience,
                         Integer audienceRegionId, boolean needsApproval, CourseStatus status, int allowedAbsences,
                         Long createdBy, Platform creatorPlatform, long creatorUserId, Instant createdAt,
                         Instant resultsConfirmedAt, List<SessionView> sessions) {

    public CourseView {
        sessions = List.copyOf(sessions);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public Instant firstSessionAt() {
        return sessions.isEmpty() ? null : sessions.get(0).startsAt();
    }

    public Instant lastSessionEndsAt() {
        return sessions.stream().map(SessionView::endsAt).max(Instant::compareTo).orElse(null);
    }

    /** Sessions a member must attend to complete: all but the allowed absences, at least one. */
    public int requiredAttendance() {
        return Math.max(1, sessions.size() - allowedAbsences);
    }
}

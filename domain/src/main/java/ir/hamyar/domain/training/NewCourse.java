package ir.hamyar.domain.training;

import java.time.Instant;
import java.util.List;

/**
 * A course to create. Text arrives normalised by the caller. {@code officeId} null means national;
 * {@code audienceRegionId} is a province id for {@link Audience#PROVINCE}, a county id for {@link Audience#COUNTY}.
 * {@code cancellationDeadline} null means the configured time before the first session; {@code allowedAbsences}
 * null means the configured default (all sessions but one).
 */
public record NewCourse(String title, String description, CourseLevel level, Long officeId, CourseMode mode,
                        String location, List<NewSession> sessions, int capacity, Instant enrolmentDeadline,
                        Instant cancellationDeadline, Audience audience, Integer audienceRegionId,
                        boolean needsApproval, Integer allowedAbsences, Creator creator) {

    public NewCourse {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public record NewSession(Instant startsAt, int durationMinutes) {
    }
}

package ir.hamyar.domain.training;

import java.time.Instant;

/** A session reminder claimed for sending (it will not be claimed again). */
public record Reminder(long memberId, long courseId, long sessionId, ReminderKind kind, String courseTitle,
                       Instant startsAt, CourseMode mode, String location) {
}

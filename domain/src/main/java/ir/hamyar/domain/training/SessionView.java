package ir.hamyar.domain.training;

import java.time.Duration;
import java.time.Instant;

public record SessionView(long id, long courseId, int number, Instant startsAt, int durationMinutes) {

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }
}

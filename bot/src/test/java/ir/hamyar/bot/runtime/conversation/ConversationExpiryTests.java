package ir.hamyar.bot.runtime.conversation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationExpiryTests {

    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void updatesOfTheSameMinuteKeepTheSameExpiry() {
        Instant first = Instant.parse("2026-11-23T10:15:00.001Z");
        Instant later = Instant.parse("2026-11-23T10:15:59.999Z");

        assertThat(ConversationState.expiryAfter(first, SIX_HOURS))
                .isEqualTo(ConversationState.expiryAfter(later, SIX_HOURS))
                .isEqualTo(Instant.parse("2026-11-23T16:16:00Z"));
    }

    @Test
    void neverExpiresBeforeTheTtlNorMoreThanAMinuteAfterIt() {
        for (long ms = 0; ms < 180_000; ms += 7_919) {
            Instant now = Instant.parse("2026-11-23T10:00:00Z").plusMillis(ms).plusNanos(123);
            Instant expiry = ConversationState.expiryAfter(now, SIX_HOURS);
            assertThat(expiry).isAfterOrEqualTo(now.plus(SIX_HOURS)).isBefore(now.plus(SIX_HOURS).plusSeconds(60));
        }
    }

    @Test
    void aShortTtlIsRoundedToAFinerStep() {
        Instant now = Instant.parse("2026-11-23T10:00:00.500Z");

        Instant expiry = ConversationState.expiryAfter(now, Duration.ofSeconds(36));

        // a step of 36 s / 360 = 100 ms
        assertThat(expiry).isEqualTo(Instant.parse("2026-11-23T10:00:36.500Z"));
        assertThat(ConversationState.expiryAfter(now.plusMillis(1), Duration.ofSeconds(36)))
                .isEqualTo(Instant.parse("2026-11-23T10:00:36.600Z"));
    }
}

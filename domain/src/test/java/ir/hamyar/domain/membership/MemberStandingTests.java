package ir.hamyar.domain.membership;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MemberStandingTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    static MemberStanding seen(Instant at, long chat, Instant other) {
        return new MemberStanding(1, MemberStatus.ACTIVE, "1", at, chat, other);
    }

    @Test
    void lastSeenIsWrittenOnlyWhenItCouldChangeWhichAccountIsMostRecent() {
        assertThat(seen(NOW.minusSeconds(10), 5, null).lastSeenOutdated(5, NOW, MINUTE)).isFalse();
        assertThat(seen(NOW.minusSeconds(61), 5, null).lastSeenOutdated(5, NOW, MINUTE)).isTrue();
        assertThat(seen(NOW.minusSeconds(10), 5, null).lastSeenOutdated(6, NOW, MINUTE)).as("chat moved").isTrue();
        assertThat(seen(NOW.minusSeconds(10), 5, NOW.minusSeconds(5)).lastSeenOutdated(5, NOW, MINUTE))
                .as("the other messenger was used since").isTrue();
        assertThat(seen(NOW.minusSeconds(10), 5, NOW.minusSeconds(50)).lastSeenOutdated(5, NOW, MINUTE)).isFalse();
    }

    @Test
    void termsAreAskedAgainOnlyForAnotherVersion() {
        assertThat(seen(NOW, 5, null).needsTermsAcceptance("1")).isFalse();
        assertThat(seen(NOW, 5, null).needsTermsAcceptance("1.2")).isTrue();
        assertThat(new MemberStanding(1, MemberStatus.ERASED, null, NOW, 5, null).needsTermsAcceptance("1")).isFalse();
    }
}

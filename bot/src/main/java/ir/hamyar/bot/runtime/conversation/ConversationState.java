package ir.hamyar.bot.runtime.conversation;

import java.time.Duration;
import java.time.Instant;

/** A chat's persisted conversation: the active flow (if any), its step and draft (JSON), the chat's language. */
record ConversationState(String flow, String step, String draft, String locale, Instant expiresAt) {

    static final ConversationState IDLE = new ConversationState(null, null, null, null, null);

    /**
     * When a conversation active at {@code now} expires: {@code ttl} later, rounded up to a whole minute (to
     * {@code ttl / 360} when that is shorter). So a chat's expiry stays the same across its updates of the same
     * minute and saving its state leaves {@code expires_at}, which is indexed, unchanged: PostgreSQL then updates the
     * row in place (a HOT update, no new index entries, dead versions pruned as the page is read), where a moving
     * expiry made every update of every chat leave a dead row and two index entries behind until the next vacuum.
     */
    static Instant expiryAfter(Instant now, Duration ttl) {
        long step = Math.max(1, Math.min(Duration.ofMinutes(1).toMillis(), ttl.toMillis() / 360));
        Instant exact = now.plus(ttl);
        long millis = exact.toEpochMilli() + (exact.getNano() % 1_000_000 == 0 ? 0 : 1);
        return Instant.ofEpochMilli(-Math.floorDiv(-millis, step) * step); // rounded up (Java 17 has no ceilDiv)
    }

    boolean inFlow() {
        return flow != null;
    }

    boolean expired(Instant now) {
        return flow != null && expiresAt != null && now.isAfter(expiresAt);
    }

    ConversationState idle() {
        return new ConversationState(null, null, null, locale, null);
    }

    ConversationState withLocale(String newLocale) {
        return new ConversationState(flow, step, draft, newLocale, expiresAt);
    }
}

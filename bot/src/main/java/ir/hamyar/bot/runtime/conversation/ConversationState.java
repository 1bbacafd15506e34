package ir.hamyar.bot.runtime.conversation;

import java.time.Instant;

/** A chat's persisted conversation: the active flow (if any), its step and draft (JSON), the chat's language. */
record ConversationState(String flow, String step, String draft, String locale, Instant expiresAt) {

    static final ConversationState IDLE = new ConversationState(null, null, null, null, null);

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

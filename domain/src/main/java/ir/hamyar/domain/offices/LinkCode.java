package ir.hamyar.domain.offices;

import java.time.Instant;

/** A one-time code that links a group chat to {@code officeId}; shown once, stored only as a hash. */
public record LinkCode(String code, long officeId, Instant expiresAt) {

    @Override
    public String toString() {
        return "LinkCode[officeId=" + officeId + ", expiresAt=" + expiresAt + "]";
    }
}

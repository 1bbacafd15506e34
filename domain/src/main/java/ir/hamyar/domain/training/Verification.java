package ir.hamyar.domain.training;

import java.time.Instant;

/** What a verification reveals of a genuine certificate: the holder's name, the course and the date. */
public record Verification(String holderName, String courseTitle, Instant issuedAt) {

    @Override
    public String toString() {
        return "Verification[issuedAt=" + issuedAt + "]";
    }
}

package ir.hamyar.domain.training;

import java.time.Instant;

/** A certificate with what is printed on it. {@code holderName} is the name at issue. */
public record CertificateView(long id, String code, long memberId, long courseId, String holderName,
                              String courseTitle, Instant firstSessionAt, Instant lastSessionAt, Instant issuedAt) {

    @Override
    public String toString() {
        return "CertificateView[id=" + id + ", memberId=" + memberId + ", courseId=" + courseId + "]";
    }
}

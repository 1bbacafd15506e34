package ir.hamyar.domain.training;

public record CertificateIssued(long certificateId, long memberId, long courseId) {
}

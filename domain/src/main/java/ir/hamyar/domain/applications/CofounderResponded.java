package ir.hamyar.domain.applications;

public record CofounderResponded(long applicationId, long founderId, long memberId, boolean confirmed) {
}

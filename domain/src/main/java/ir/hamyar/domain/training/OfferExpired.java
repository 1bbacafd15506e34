package ir.hamyar.domain.training;

/** A waitlist offer was not confirmed in time; the seat went to the next in line. */
public record OfferExpired(long courseId, long memberId) {
}

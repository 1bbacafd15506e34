package ir.hamyar.domain.training;

/** A member now holds a confirmed seat: directly, by accepting a waitlist offer, or approved by the manager. */
public record EnrolmentConfirmed(long courseId, long memberId, Via via) {

    public enum Via { DIRECT, OFFER, APPROVAL }
}

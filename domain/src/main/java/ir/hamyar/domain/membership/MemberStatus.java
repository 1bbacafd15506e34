package ir.hamyar.domain.membership;

/** A member's standing. Only ACTIVE members may use the network; SUSPENDED ones may only export or erase. */
public enum MemberStatus {
    ACTIVE,
    SUSPENDED,
    LEFT,
    ERASED
}

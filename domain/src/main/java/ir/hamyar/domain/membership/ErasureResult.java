package ir.hamyar.domain.membership;

/** The outcome of {@link Membership#erase}. */
public enum ErasureResult {
    ERASED,
    ALREADY_ERASED,
    NO_SUCH_MEMBER
}

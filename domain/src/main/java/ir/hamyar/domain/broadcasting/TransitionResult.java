package ir.hamyar.domain.broadcasting;

/** The answer to a status change of a broadcast (start, schedule, cancel, finish). */
public enum TransitionResult {
    CHANGED,
    NO_SUCH_BROADCAST,
    /** The broadcast is not in a status that allows this change (e.g. cancelling a finished one). */
    WRONG_STATUS,
    /** A schedule in the past. */
    INVALID_TIME
}

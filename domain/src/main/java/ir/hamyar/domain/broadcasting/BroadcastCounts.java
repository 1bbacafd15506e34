package ir.hamyar.domain.broadcasting;

/**
 * How far a broadcast got. {@code total} members were in the audience; {@code queued} of them got a delivery
 * (the others, {@code skipped}, opted out, have no reachable account); of the queued, {@code sent},
 * {@code failed}, {@code unreachable} and {@code cancelled} are final and the rest is {@link #left()}.
 */
public record BroadcastCounts(int total, int queued, int sent, int failed, int unreachable, int skipped,
                              int cancelled) {

    public int left() {
        return Math.max(0, queued - sent - failed - unreachable - cancelled);
    }

    public int done() {
        return sent + failed + unreachable + cancelled;
    }
}

package ir.hamyar.domain.broadcasting;

/** The answer to {@link Broadcasting#create}. */
public sealed interface CreateResult {

    record Created(long broadcastId) implements CreateResult {
    }

    record Rejected(Reason reason) implements CreateResult {
    }

    enum Reason { UNKNOWN_AUDIENCE, EMPTY_TEXT, TEXT_TOO_LONG, CAPTION_TOO_LONG, INVALID_LINK }
}

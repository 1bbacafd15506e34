package ir.hamyar.domain.broadcasting;

/** DRAFT → SCHEDULED → SENDING → DONE; SCHEDULED or SENDING → CANCELLED. */
public enum BroadcastStatus {
    DRAFT, SCHEDULED, SENDING, DONE, CANCELLED;

    public boolean open() {
        return this == SCHEDULED || this == SENDING;
    }
}

package ir.hamyar.domain.applications;

/** The outcome of an application action: the application as it now is, or why nothing changed. */
public sealed interface Result {

    record Done(ApplicationView application) implements Result {
    }

    /** An approval: the application, the new office and the founder's decree. */
    record Approved(ApplicationView application, long officeId, long appointmentId) implements Result {
    }

    record Refused(Refusal reason) implements Result {
    }

    default boolean isRefused() {
        return this instanceof Refused;
    }
}

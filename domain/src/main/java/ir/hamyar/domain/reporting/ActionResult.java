package ir.hamyar.domain.reporting;

/** The outcome of a manager's (or reporter's) action on a report; a refusal changes nothing. */
public sealed interface ActionResult {

    record Done(ReportView report) implements ActionResult {
    }

    record Refused(Reason reason) implements ActionResult {
    }

    enum Reason { NO_SUCH_REPORT, NOT_ALLOWED, WRONG_STATE, INVALID_INPUT, NO_SUCH_OFFICE, SAME_OFFICE }

    default boolean ok() {
        return this instanceof Done;
    }
}

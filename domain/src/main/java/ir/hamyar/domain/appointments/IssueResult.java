package ir.hamyar.domain.appointments;

/** The outcome of issuing or renewing an appointment. */
public sealed interface IssueResult {

    record Issued(AppointmentView appointment) implements IssueResult {
    }

    record Refused(Refusal reason) implements IssueResult {
    }
}

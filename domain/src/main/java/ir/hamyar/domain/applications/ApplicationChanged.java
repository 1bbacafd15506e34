package ir.hamyar.domain.applications;

/**
 * An application moved to {@code status}. {@code note} is what goes with it: the question
 * (WAITING_FOR_APPLICANT), the applicant's answer (SUBMITTED again), the reason (REJECTED), else null.
 */
public record ApplicationChanged(long applicationId, long founderId, int provinceId, ApplicationStatus status,
                                 String note) {
}

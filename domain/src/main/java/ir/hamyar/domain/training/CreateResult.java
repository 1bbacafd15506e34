package ir.hamyar.domain.training;

/** The created course's id, or why nothing was created. */
public record CreateResult(Long courseId, Problem problem) {

    public enum Problem {
        INVALID_TITLE, INVALID_DESCRIPTION, INVALID_LOCATION, INVALID_CAPACITY, NO_SESSIONS, INVALID_SESSION,
        SESSION_IN_PAST, INVALID_ENROLMENT_DEADLINE, INVALID_CANCELLATION_DEADLINE, INVALID_AUDIENCE,
        INVALID_ABSENCES, INVALID_OFFICE, MISSING_FIELD
    }

    public static CreateResult created(long id) {
        return new CreateResult(id, null);
    }

    public static CreateResult rejected(Problem problem) {
        return new CreateResult(null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}

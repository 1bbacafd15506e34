package ir.hamyar.domain.training;

/** An enrolled member as a course's manager sees them: for attendance lists and results. */
public record Participant(long memberId, String fullName, EnrolmentStatus status) {

    @Override
    public String toString() {
        return "Participant[memberId=" + memberId + ", status=" + status + "]";
    }
}

package ir.hamyar.domain.appointments;

/**
 * Whether a member completed at least one training course: DESIGN §7 makes training mandatory before an
 * appointment. The training module implements it; while no implementation exists, nobody counts as trained.
 */
public interface TrainingRecord {

    boolean hasCompletedTraining(long memberId);
}

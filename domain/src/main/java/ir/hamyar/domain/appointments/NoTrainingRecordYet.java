package ir.hamyar.domain.appointments;

/**
 * What {@link Appointments} asks while no {@link TrainingRecord} bean exists (the training module is not there
 * yet): nobody has completed training, so nobody can be appointed. Deliberately not a bean — a bean here would
 * clash with the training module's, and a plain component cannot reliably step aside for it.
 */
final class NoTrainingRecordYet implements TrainingRecord {

    static final TrainingRecord INSTANCE = new NoTrainingRecordYet();

    private NoTrainingRecordYet() {
    }

    @Override
    public boolean hasCompletedTraining(long memberId) {
        return false;
    }
}

package ir.hamyar.domain.training;

import ir.hamyar.domain.appointments.TrainingRecord;
import org.springframework.stereotype.Component;

/** Lets appointments see completions: a member is trained once the results of one of their courses are final. */
@Component
class CompletedTraining implements TrainingRecord {

    private final Training training;

    CompletedTraining(Training training) {
        this.training = training;
    }

    @Override
    public boolean hasCompletedTraining(long memberId) {
        return training.hasCompletedTraining(memberId);
    }
}

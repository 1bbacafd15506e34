package ir.hamyar.domain.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Training settings ({@code hamyar.training.*}).
 *
 * @param offerWindow          how long a member promoted from the waitlist has to confirm
 * @param allowedAbsences      default attendance rule: sessions a member may miss and still complete
 * @param cancellationBefore   default self-cancellation deadline: this long before the first session
 * @param dayReminder          how long before a session the first reminder goes out
 * @param hourReminder         how long before a session the second reminder goes out
 * @param resultsConfirmAfter  results the manager neither confirmed nor corrected are confirmed after this long
 */
@ConfigurationProperties("hamyar.training")
public record TrainingSettings(
        @DefaultValue("24h") Duration offerWindow,
        @DefaultValue("1") int allowedAbsences,
        @DefaultValue("24h") Duration cancellationBefore,
        @DefaultValue("24h") Duration dayReminder,
        @DefaultValue("1h") Duration hourReminder,
        @DefaultValue("7d") Duration resultsConfirmAfter) {
}

package ir.hamyar.domain.applications;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hamyar.offices.applications.*}: how long an application may wait on its applicant before it expires
 * (30 days), and how many co-founders one may name (5).
 */
@ConfigurationProperties("hamyar.offices.applications")
public record ApplicationSettings(Duration waitingExpiry, Integer maxCofounders) {

    public ApplicationSettings {
        waitingExpiry = waitingExpiry == null ? Duration.ofDays(30) : waitingExpiry;
        maxCofounders = maxCofounders == null ? 5 : maxCofounders;
    }
}

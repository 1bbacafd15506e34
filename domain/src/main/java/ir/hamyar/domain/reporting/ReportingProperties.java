package ir.hamyar.domain.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of problem reporting ({@code hamyar.reporting.*}).
 *
 * @param dailyLimit           reports one member may file per Tehran calendar day
 * @param duplicateWindow      how far back open reports of the same office and category count as "similar"
 * @param followUpAfter        how long after "resolved" the reporter is asked whether it is really fixed
 * @param defaultResponseHours the first-response time when no office handles the report (the admins)
 */
@ConfigurationProperties("hamyar.reporting")
public record ReportingProperties(
        @DefaultValue("5") int dailyLimit,
        @DefaultValue("30d") Duration duplicateWindow,
        @DefaultValue("28d") Duration followUpAfter,
        @DefaultValue("48") int defaultResponseHours) {
}

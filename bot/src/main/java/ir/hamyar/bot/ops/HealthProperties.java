package ir.hamyar.bot.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the health checks ({@code hamyar.health.*}).
 *
 * @param botCheckInterval      how often each bot's API is asked {@code getMe}; health requests only read the
 *                              last answer, they never call the network
 * @param inboxBacklogThreshold readiness turns DOWN while more stored updates than this wait to be applied
 * @param figuresCache          how long a counted figure (inbox backlog, active conversations) is reused by
 *                              health checks and metric scrapes before it is counted again
 */
@ConfigurationProperties("hamyar.health")
public record HealthProperties(
        @DefaultValue("30s") Duration botCheckInterval,
        @DefaultValue("1000") long inboxBacklogThreshold,
        @DefaultValue("5s") Duration figuresCache) {

    public HealthProperties {
        if (botCheckInterval.isNegative() || botCheckInterval.isZero() || figuresCache.isNegative()) {
            throw new IllegalArgumentException("hamyar.health: bot-check-interval must be positive, figures-cache not negative");
        }
        if (inboxBacklogThreshold < 0) {
            throw new IllegalArgumentException("hamyar.health.inbox-backlog-threshold must not be negative");
        }
    }
}

package ir.hamyar.bot.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code inbox} health component (part of readiness): DOWN while more updates wait than the threshold, so a
 * load balancer sends webhook traffic to instances that keep up, and an operator sees the bot falling behind.
 */
@Component
class InboxHealthIndicator implements HealthIndicator {

    private final InboxBacklog backlog;
    private final HealthProperties properties;

    InboxHealthIndicator(InboxBacklog backlog, HealthProperties properties) {
        this.backlog = backlog;
        this.properties = properties;
    }

    @Override
    public Health health() {
        long waiting;
        try {
            waiting = backlog.current();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        Health.Builder health = waiting > properties.inboxBacklogThreshold() ? Health.down() : Health.up();
        return health.withDetail("backlog", waiting).withDetail("threshold", properties.inboxBacklogThreshold()).build();
    }
}

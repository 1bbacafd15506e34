package ir.hamyar.bot.ops;

import ir.hamyar.bot.runtime.RuntimeStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code workers} health component (part of liveness): the threads that apply updates and the inbox sweep
 * run. Without them the process answers HTTP but does nothing, which only a restart cures. No database call.
 */
@Component
class WorkersHealthIndicator implements HealthIndicator {

    private final RuntimeStatus runtime;

    WorkersHealthIndicator(RuntimeStatus runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        return runtime.workersAlive() ? Health.up().build() : Health.down().build();
    }
}

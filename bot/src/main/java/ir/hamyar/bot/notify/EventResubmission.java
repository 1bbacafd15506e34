package ir.hamyar.bot.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A domain event whose listener failed (e.g. the database blinked) stays in the event publication registry;
 * this resubmits such publications periodically, so every committed event is eventually handled.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;

    EventResubmission(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${hamyar.events.resubmit-every:60s}", initialDelayString = "${hamyar.events.resubmit-every:60s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.getClass().getSimpleName());
        }
    }
}

package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.broadcasting.BroadcastView;
import ir.hamyar.domain.broadcasting.Broadcasting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The broadcast jobs: start scheduled broadcasts when due, and follow the ones sending. Each round is one
 * transaction holding row locks ({@code SKIP LOCKED}), so with several instances each broadcast is handled
 * by one of them per round. Tests call the public methods directly with a moved clock.
 */
@Component
public class BroadcastJobs {

    private static final Logger log = LoggerFactory.getLogger(BroadcastJobs.class);
    private static final int BATCH = 20;

    private final Broadcasting broadcasting;
    private final BroadcastDispatcher dispatcher;
    private final BroadcastAuthority authority;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration progressEvery;

    BroadcastJobs(Broadcasting broadcasting, BroadcastDispatcher dispatcher, BroadcastAuthority authority,
                  PlatformTransactionManager transactions, Clock clock,
                  @Value("${hamyar.broadcasting.progress-every:5s}") Duration progressEvery) {
        this.broadcasting = broadcasting;
        this.dispatcher = dispatcher;
        this.authority = authority;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.progressEvery = progressEvery;
    }

    /** Starts every SCHEDULED broadcast whose time has come; returns how many. */
    public int startDue() {
        Integer started = tx.execute(s -> {
            List<BroadcastView> due = broadcasting.lockDue(clock.instant(), BATCH);
            for (BroadcastView b : due) {
                // A manager's decree may have been revoked since they scheduled their office's broadcast: then it is
                // not theirs to send any more. Other audiences are written by the admins' flow only.
                if (b.audience() instanceof Audience.OfficeMembers
                        && !authority.maySend(b.authorPlatform(), b.authorUserId(), b.audience())) {
                    log.info("scheduled broadcast {} stopped: its author no longer manages the office", b.id());
                    dispatcher.cancel(b, Actor.system(), "author no longer manages the office");
                    continue;
                }
                broadcasting.start(b.id());
                dispatcher.expand(b.id());
            }
            return due.size();
        });
        return started == null ? 0 : started;
    }

    /** Counts the deliveries of every SENDING broadcast, edits progress cards, finishes those done. */
    public void refreshProgress() {
        tx.executeWithoutResult(s -> broadcasting.lockSending(BATCH).forEach(b -> dispatcher.refresh(b, progressEvery)));
    }

    @Scheduled(fixedDelayString = "${hamyar.broadcasting.schedule-check-every:30s}",
            initialDelayString = "${hamyar.broadcasting.schedule-check-every:30s}")
    void startDueOnSchedule() {
        try {
            startDue();
        } catch (RuntimeException e) {
            log.warn("starting scheduled broadcasts failed: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${hamyar.broadcasting.progress-every:5s}",
            initialDelayString = "${hamyar.broadcasting.progress-every:5s}")
    void refreshProgressOnSchedule() {
        try {
            refreshProgress();
        } catch (RuntimeException e) {
            log.warn("refreshing broadcast progress failed: {}", e.getClass().getSimpleName());
        }
    }
}

package ir.hamyar.bot.flow.reporting;

import ir.hamyar.domain.reporting.ProblemReporting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reporting timers: escalation of reports not acknowledged in time, and the reporter's follow-up four
 * weeks after "resolved". Public so tests (with a moved clock) call them directly.
 */
@Component
public class ReportingJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportingJobs.class);

    private final ProblemReporting reporting;

    ReportingJobs(ProblemReporting reporting) {
        this.reporting = reporting;
    }

    @Scheduled(fixedDelayString = "${hamyar.reporting.escalation-every:15m}",
            initialDelayString = "${hamyar.reporting.escalation-every:15m}")
    public int escalate() {
        int n = reporting.escalateOverdue();
        if (n > 0) {
            log.info("escalated {} reports", n);
        }
        return n;
    }

    @Scheduled(cron = "${hamyar.reporting.follow-up-cron:0 0 10 * * *}", zone = "Asia/Tehran")
    public int followUps() {
        int n = reporting.askFollowUps();
        if (n > 0) {
            log.info("asked {} reporters whether their problem is really fixed", n);
        }
        return n;
    }
}

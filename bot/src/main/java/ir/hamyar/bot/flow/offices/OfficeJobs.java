package ir.hamyar.bot.flow.offices;

import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.appointments.Appointments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily work: terms that ended expire (their managers have already lost their powers, which are read by
 * date), reminders 30 and 7 days before a term ends, and applications that waited too long on their applicant
 * expire. Each step is its own transaction and safe to run twice; several instances may run it.
 */
@Component
public class OfficeJobs {

    private static final Logger log = LoggerFactory.getLogger(OfficeJobs.class);

    private final Appointments appointments;
    private final Applications applications;

    OfficeJobs(Appointments appointments, Applications applications) {
        this.appointments = appointments;
        this.applications = applications;
    }

    @Scheduled(cron = "${hamyar.offices.daily-cron:0 30 3 * * *}", zone = "Asia/Tehran")
    public void runDaily() {
        int expired = appointments.expireEndedTerms();
        int reminded = appointments.remindEndingTerms();
        int stale = applications.expireWaiting();
        log.info("daily office work: {} terms expired, {} reminders, {} applications expired", expired, reminded, stale);
    }
}

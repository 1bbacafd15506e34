package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.training.CourseMode;
import ir.hamyar.domain.training.Reminder;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The training clock work, each step in its own transaction: withdraw unconfirmed offers (the next in line is
 * offered), send due session reminders (claimed and written to the outbox together, so each goes out once), end
 * courses whose last session is over. Public so tests can run them with a moved clock.
 */
@Component
public class TrainingJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    private final Training training;
    private final Membership membership;
    private final Notifier notifier;
    private final TransactionTemplate tx;
    private final ir.hamyar.domain.broadcasting.DeliveryPreferences preferences;

    TrainingJobs(Training training, Membership membership, Notifier notifier, PlatformTransactionManager transactions,
                 ir.hamyar.domain.broadcasting.DeliveryPreferences preferences) {
        this.preferences = preferences;
        this.training = training;
        this.membership = membership;
        this.notifier = notifier;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${hamyar.training.job-every:60s}", initialDelayString = "${hamyar.training.job-every:60s}")
    void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("training job failed: {}", e.getClass().getSimpleName());
        }
    }

    public void runOnce() {
        expireOffers();
        sendReminders();
        endCourses();
    }

    public int expireOffers() {
        return tx.execute(s -> training.expireOffers());
    }

    public int sendReminders() {
        return tx.execute(s -> {
            List<Reminder> due = training.claimDueReminders();
            for (Reminder r : due) {
                // The member's /settings switch for reminders applies too (quiet hours do not: a reminder an
                // hour before a session is only useful on time).
                if (!preferences.allows(r.memberId(), ir.hamyar.domain.broadcasting.DeliveryKind.REMINDER)) {
                    continue;
                }
                membership.preferredRecipient(r.memberId()).ifPresent(x -> notifier.send(
                        new ChatRef(x.platform(), x.chatId()), x.locale(), "session:" + r.sessionId(),
                        Reply.text(Text.of("training.reminder." + r.kind().name(), r.courseTitle(),
                                CourseCards.when(r.startsAt(), Texts.localeOf(x.locale())),
                                r.mode() == CourseMode.ONLINE ? PersianText.rtlLine(r.location()) : r.location()))));
            }
            return due.size();
        });
    }

    public int endCourses() {
        return tx.execute(s -> training.endFinishedCourses());
    }
}

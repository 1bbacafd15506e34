package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.runtime.BulkNotifier;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.outbound.BulkOutbox;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.broadcasting.BroadcastCounts;
import ir.hamyar.domain.broadcasting.BroadcastStatus;
import ir.hamyar.domain.broadcasting.BroadcastView;
import ir.hamyar.domain.broadcasting.Broadcasting;
import ir.hamyar.domain.broadcasting.DeliveryKind;
import ir.hamyar.domain.broadcasting.RecipientQuery;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a started broadcast into deliveries and keeps its author informed. Every method runs in the
 * caller's transaction: expansion writes all deliveries with the status change that starts the broadcast,
 * so a crash either leaves a broadcast unstarted or fully queued, never half.
 */
@Component
class BroadcastDispatcher {

    /** The author's progress message is sent with this reference, so its message id can be learnt. */
    static final String PROGRESS_REFERENCE = "bcp:";

    /** Audit trail codes: who started, scheduled or stopped which broadcast (with the office when scoped). */
    static final String AUDIT_SUBJECT = "BROADCAST";
    static final String AUDIT_SENT = "BROADCAST_SENT";
    static final String AUDIT_SCHEDULED = "BROADCAST_SCHEDULED";
    static final String AUDIT_CANCELLED = "BROADCAST_CANCELLED";

    private static final Logger log = LoggerFactory.getLogger(BroadcastDispatcher.class);
    private static final List<String> LOCALES = List.of("fa", "en");

    private final Broadcasting broadcasting;
    private final BulkNotifier bulk;
    private final BulkOutbox outbox;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final BroadcastAuthority authority;
    private final Clock clock;

    BroadcastDispatcher(Broadcasting broadcasting, BulkNotifier bulk, BulkOutbox outbox, Notifier notifier,
                        AuditTrail audit, BroadcastAuthority authority, Clock clock) {
        this.broadcasting = broadcasting;
        this.bulk = bulk;
        this.outbox = outbox;
        this.notifier = notifier;
        this.audit = audit;
        this.authority = authority;
        this.clock = clock;
    }

    /** The office a manager's broadcast is scoped to (recorded with its audit entries), else null. */
    static Long officeOf(Audience audience) {
        return audience instanceof Audience.OfficeMembers o ? o.officeId() : null;
    }

    /** The author as the audit trail names them: their messenger account and, if they are one, the member. */
    Actor author(BroadcastView b) {
        return Actor.account(b.authorPlatform(), b.authorUserId(),
                authority.memberId(b.authorPlatform(), b.authorUserId()).orElse(null));
    }

    /**
     * Writes one delivery per recipient (set-based: one insert per platform and language, each rendered
     * once) and sends the author a progress card. Call right after {@link Broadcasting#start}.
     *
     * @return deliveries written
     */
    int expand(long id) {
        BroadcastView b = broadcasting.find(id).orElseThrow(() -> new IllegalArgumentException("no broadcast " + id));
        Instant now = clock.instant();
        RecipientQuery q = broadcasting.recipients(b.audience(), DeliveryKind.ANNOUNCEMENT, now);
        int queued = 0;
        for (Platform platform : Platform.values()) {
            Reply message = BroadcastTexts.memberView(b, platform);
            for (String locale : LOCALES) {
                List<Object> args = new ArrayList<>(q.args());
                args.add(platform.name());
                args.add(locale);
                queued += bulk.sendToEach(platform, Texts.localeOf(locale), message,
                        "SELECT r.chat_id, r.not_before FROM (" + q.sql() + ") r WHERE r.platform = ? AND r.locale = ?",
                        args, b.deliveryReference());
            }
        }
        int total = (int) broadcasting.audienceSize(b.audience());
        broadcasting.recordQueued(id, total, queued);
        // the author sends it, whether now or by the scheduler at the time they chose
        audit.record(author(b), AUDIT_SENT, AUDIT_SUBJECT, id, officeOf(b.audience()), null);
        log.info("broadcast {} queued {} deliveries for an audience of {}", id, queued, total);
        BroadcastView started = broadcasting.find(id).orElseThrow();
        notifier.send(authorChat(started), null, PROGRESS_REFERENCE + id,
                Reply.to(authorChat(started), BroadcastTexts.progress(started, started.counts(), now),
                        BroadcastTexts.cancelKeyboard(id)));
        return queued;
    }

    /** Counts the deliveries by outcome, stores the counts and returns them with the rows still unsent. */
    Progress count(BroadcastView b) {
        Map<String, Integer> byStatus = outbox.countByStatus(b.deliveryReference());
        BroadcastCounts c = new BroadcastCounts(b.counts().total(), b.counts().queued(), byStatus.getOrDefault("SENT", 0),
                byStatus.getOrDefault("FAILED", 0), byStatus.getOrDefault("UNREACHABLE", 0), b.counts().skipped(),
                byStatus.getOrDefault(BulkOutbox.CANCELLED, 0));
        broadcasting.recordProgress(b.id(), c.sent(), c.failed(), c.unreachable(), c.cancelled());
        int unsent = byStatus.getOrDefault("PENDING", 0) + byStatus.getOrDefault("CLAIMED", 0);
        return new Progress(c, unsent);
    }

    record Progress(BroadcastCounts counts, int unsent) {
    }

    /**
     * One round of the progress job for a SENDING broadcast locked by the caller: finish it when nothing is
     * left (final card and report), else edit the author's card when the counts moved.
     */
    void refresh(BroadcastView b, Duration minEditInterval) {
        Instant now = clock.instant();
        Progress p = count(b);
        if (p.unsent() == 0) {
            broadcasting.finish(b.id());
            close(b, p.counts(), BroadcastStatus.DONE, now);
            return;
        }
        boolean moved = !p.counts().equals(b.counts());
        boolean due = b.progressEditedAt() == null || !now.isBefore(b.progressEditedAt().plus(minEditInterval));
        if (moved && due && b.progressMessageId() != null) {
            ChatRef card = new ChatRef(b.progressPlatform(), b.progressChatId());
            notifier.send(card, null, null, new Reply.Edit(card, b.progressMessageId(),
                    BroadcastTexts.progress(b, p.counts(), now), BroadcastTexts.cancelKeyboard(b.id())));
            broadcasting.progressEdited(b.id(), now);
        }
    }

    /**
     * Cancels a broadcast locked by the caller: withdraws its unsent deliveries, records who stopped it and why
     * (null: they chose to) and reports.
     */
    void cancel(BroadcastView b, Actor by, String reason) {
        Instant now = clock.instant();
        broadcasting.cancel(b.id());
        audit.record(by, AUDIT_CANCELLED, AUDIT_SUBJECT, b.id(), officeOf(b.audience()), reason);
        int withdrawn = outbox.cancelPending(b.deliveryReference());
        log.info("broadcast {}: {} unsent deliveries withdrawn", b.id(), withdrawn);
        close(b, count(b).counts(), BroadcastStatus.CANCELLED, now);
    }

    private void close(BroadcastView b, BroadcastCounts c, BroadcastStatus status, Instant now) {
        if (b.progressMessageId() != null) {
            ChatRef card = new ChatRef(b.progressPlatform(), b.progressChatId());
            notifier.send(card, null, null, new Reply.Edit(card, b.progressMessageId(),
                    BroadcastTexts.progress(b, c, now), null));
        }
        notifier.send(authorChat(b), null, null, Reply.to(authorChat(b), BroadcastTexts.report(b, c, status, now), null));
    }

    private static ChatRef authorChat(BroadcastView b) {
        return new ChatRef(b.authorPlatform(), b.authorUserId());
    }
}

package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberErased;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Recipient;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.reporting.AlertCard;
import ir.hamyar.domain.reporting.ProblemReported;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportEscalated;
import ir.hamyar.domain.reporting.ReportFollowUpDue;
import ir.hamyar.domain.reporting.ReportForwarded;
import ir.hamyar.domain.reporting.ReportNoteAdded;
import ir.hamyar.domain.reporting.ReportReopened;
import ir.hamyar.domain.reporting.ReportStatus;
import ir.hamyar.domain.reporting.ReportStatusChanged;
import ir.hamyar.domain.reporting.ReportView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reporting events → messages: alert cards to the responsible office's group (else its managers in private,
 * else the admins), cards edited in place on every status change, escalation cards up the hierarchy, and
 * every change told to the reporter in their language. Durable: each listener is a registered publication.
 */
@Component
class ReportNotifications {

    /** Outbox reference of a card message; {@link ReportCardDeliveries} remembers its message id. */
    static final String CARD_REFERENCE = "rcard:";

    private final ProblemReporting reporting;
    private final ReportTexts texts;
    private final Notifier notifier;
    private final Offices offices;
    private final Appointments appointments;
    private final Membership membership;
    private final Access access;

    ReportNotifications(ProblemReporting reporting, ReportTexts texts, Notifier notifier, Offices offices,
                        Appointments appointments, Membership membership, Access access) {
        this.reporting = reporting;
        this.texts = texts;
        this.notifier = notifier;
        this.offices = offices;
        this.appointments = appointments;
        this.membership = membership;
        this.access = access;
    }

    @ApplicationModuleListener(id = "reporting.alert-on-report")
    void on(ProblemReported e) {
        reporting.find(e.reportId()).ifPresent(r -> postCard(r, e.officeId(), UnaryOperator.identity()));
    }

    @ApplicationModuleListener(id = "reporting.status-changed")
    void on(ReportStatusChanged e) {
        Optional<ReportView> found = reporting.find(e.reportId());
        if (found.isEmpty() || e.to() == ReportStatus.REOPENED) {
            return; // a reopening retires the cards and posts a new one (ReportReopened); the reporter was answered
        }
        ReportView r = found.get();
        editCards(r);
        Reply.Send notice = e.to() == ReportStatus.REJECTED
                ? Reply.text("reporting.notify_rejected", r.trackingCode(), r.title(), e.note() == null ? "" : e.note())
                : Reply.text("reporting.notify_status", r.trackingCode(), r.title(), ReportTexts.status(e.to()));
        tellReporter(r, notice);
    }

    @ApplicationModuleListener(id = "reporting.forwarded")
    void on(ReportForwarded e) {
        Optional<ReportView> found = reporting.find(e.reportId());
        if (found.isEmpty()) {
            return;
        }
        ReportView r = found.get();
        Text to = texts.officeName(e.toOfficeId());
        retireCards(r, Text.of("reporting.card_forwarded", to, texts.actorName(e.actorId())));
        Text note = e.note() == null ? ReportTexts.raw("") : Text.of("reporting.card_forward_note", e.note());
        Text from = texts.officeName(e.fromOfficeId());
        postCard(r, e.toOfficeId(), card -> Text.of("reporting.card_forwarded_in", from, note, card));
        tellReporter(r, Reply.text("reporting.notify_forwarded", r.trackingCode(), to));
    }

    @ApplicationModuleListener(id = "reporting.escalated")
    void on(ReportEscalated e) {
        Optional<ReportView> found = reporting.find(e.reportId());
        if (found.isEmpty() || found.get().officeId() == null) {
            return;
        }
        ReportView r = found.get();
        List<OfficeView> chain = new ArrayList<>();
        offices.find(r.officeId()).ifPresent(chain::add);
        chain.addAll(offices.ancestors(r.officeId()));
        if (e.level() < 1 || e.level() > chain.size()) {
            return;
        }
        OfficeView late = chain.get(e.level() - 1);
        postCard(r, e.toOfficeId(), card -> Text.of("reporting.card_escalated", late.responseHours(), late.name(), card));
    }

    @ApplicationModuleListener(id = "reporting.reopened")
    void on(ReportReopened e) {
        Optional<ReportView> found = reporting.find(e.reportId());
        if (found.isEmpty()) {
            return;
        }
        ReportView r = found.get();
        retireCards(r, Text.of("reporting.card_reopened"));
        postCard(r, e.officeId(), card -> Text.of("reporting.card_reopened_in", card));
    }

    @ApplicationModuleListener(id = "reporting.follow-up")
    void on(ReportFollowUpDue e) {
        reporting.find(e.reportId()).ifPresent(r -> tellReporter(r, Reply.text(
                Text.of("reporting.followup_question", r.trackingCode(), r.title()), Keyboard.inline()
                        .row(Button.callback(Text.of("reporting.followup_yes"), ReportingHandlers.FOLLOW_UP + ":yes:" + r.id()),
                                Button.callback(Text.of("reporting.followup_no"), ReportingHandlers.FOLLOW_UP + ":no:" + r.id()))
                        .build())));
    }

    @ApplicationModuleListener(id = "reporting.public-note")
    void on(ReportNoteAdded e) {
        if (!e.isPublic()) {
            return;
        }
        reporting.find(e.reportId()).ifPresent(r -> reporting.note(r.id(), e.noteId()).ifPresent(n ->
                tellReporter(r, Reply.text("reporting.notify_public_note", r.trackingCode(), n.body()))));
    }

    @ApplicationModuleListener(id = "reporting.anonymise-erased-reporter")
    void on(MemberErased e) {
        reporting.anonymiseReporter(e.memberId());
    }

    // ---- delivery ----

    /** Posts the report's card (and its photos from the same messenger) to whoever handles {@code officeId}. */
    private void postCard(ReportView r, Long officeId, UnaryOperator<Text> wrap) {
        Text card = wrap.apply(texts.card(r));
        Keyboard keyboard = ReportTexts.cardKeyboard(r);
        for (ChatRef chat : handlers(officeId)) {
            List<Reply> photos = r.photos().stream().filter(p -> p.platform() == chat.platform())
                    .map(p -> (Reply) new Reply.SendPhoto(chat, p.fileId(), ReportTexts.raw(r.trackingCode()), null))
                    .toList();
            if (!photos.isEmpty()) {
                notifier.send(chat, null, null, photos.toArray(Reply[]::new));
            }
            notifier.send(chat, null, CARD_REFERENCE + r.id(), Reply.to(chat, card, keyboard));
        }
    }

    /** The office's linked group; else its managers in private; else (and for no office) the admins. */
    private List<ChatRef> handlers(Long officeId) {
        Set<ChatRef> chats = new LinkedHashSet<>();
        if (officeId != null) {
            Optional<OfficeView> office = offices.find(officeId);
            if (office.isPresent() && office.get().group() != null) {
                chats.add(new ChatRef(office.get().group().platform(), office.get().group().chatId()));
                return List.copyOf(chats);
            }
            for (long manager : appointments.activeManagersOf(officeId)) {
                membership.preferredRecipient(manager).ifPresent(rc -> chats.add(new ChatRef(rc.platform(), rc.chatId())));
            }
        }
        if (chats.isEmpty()) {
            chats.addAll(access.adminChats());
        }
        return List.copyOf(chats);
    }

    private void editCards(ReportView r) {
        Text card = texts.card(r);
        Keyboard keyboard = ReportTexts.cardKeyboard(r);
        for (AlertCard c : reporting.cards(r.id())) {
            ChatRef chat = new ChatRef(c.platform(), c.chatId());
            notifier.send(chat, null, null, new Reply.Edit(chat, c.messageId(), card, keyboard));
        }
    }

    /** Edits the old cards one last time, without buttons, with a line saying what became of the report. */
    private void retireCards(ReportView r, Text why) {
        Text card = ReportTexts.lines(List.of(texts.card(r), why));
        for (AlertCard c : reporting.retireCards(r.id())) {
            ChatRef chat = new ChatRef(c.platform(), c.chatId());
            notifier.send(chat, null, null, new Reply.Edit(chat, c.messageId(), card, null));
        }
    }

    private void tellReporter(ReportView r, Reply.Send message) {
        if (r.reporterId() == null) {
            return;
        }
        Optional<Recipient> to = membership.preferredRecipient(r.reporterId());
        if (to.isPresent()) {
            ChatRef chat = new ChatRef(to.get().platform(), to.get().chatId());
            notifier.send(chat, to.get().locale(), null, new Reply.Send(chat, message.text(), message.keyboard(), null));
        }
    }
}

package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.applications.ApplicationChanged;
import ir.hamyar.domain.applications.ApplicationSubmitted;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.CofounderResponded;
import ir.hamyar.domain.appointments.AppointmentEndingSoon;
import ir.hamyar.domain.appointments.AppointmentExpired;
import ir.hamyar.domain.appointments.AppointmentIssued;
import ir.hamyar.domain.appointments.AppointmentRevoked;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Recipient;
import ir.hamyar.domain.offices.OfficeGroupLost;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Domain events of offices, applications and appointments → messages: the decree to its holder at once, office
 * groups told of changes in their office, applicants told of every change in their language with Jalali dates,
 * reviewers (admins and the province's manager) given new applications and answers with the review buttons.
 * Each listener runs in its own transaction after the deciding one commits; the registry redelivers on failure.
 */
@Component
class OfficeNotifications {

    private final Notifier notifier;
    private final Membership membership;
    private final Offices offices;
    private final Appointments appointments;
    private final Applications applications;
    private final Access access;
    private final Regions regions;
    private final Cards cards;
    private final Clock clock;

    OfficeNotifications(Notifier notifier, Membership membership, Offices offices, Appointments appointments,
                        Applications applications, Access access, Regions regions, Cards cards, Clock clock) {
        this.notifier = notifier;
        this.membership = membership;
        this.offices = offices;
        this.appointments = appointments;
        this.applications = applications;
        this.access = access;
        this.regions = regions;
        this.cards = cards;
        this.clock = clock;
    }

    // ---- appointments ----

    @ApplicationModuleListener(id = "offices.appointment-issued")
    void on(AppointmentIssued event) {
        Optional<AppointmentView> a = appointments.find(event.appointmentId());
        if (a.isEmpty()) {
            return;
        }
        toMember(event.memberId(), "decree:" + event.appointmentId(), locale -> Reply.text(cards.decree(a.get(), locale)));
        toGroup(event.officeId(), "decree:" + event.appointmentId(), locale -> Reply.text(Text.of(
                "appointments.group_issued", cards.name(event.memberId()),
                Text.of("appointments.role." + event.role().name()), a.get().decreeNo(),
                JalaliDates.formatLong(a.get().termEnd(), locale))));
    }

    @ApplicationModuleListener(id = "offices.appointment-revoked")
    void on(AppointmentRevoked event) {
        appointments.find(event.appointmentId()).ifPresent(a -> {
            toMember(event.memberId(), "decree:" + a.id(), locale -> Reply.text(Text.of("appointments.notify_revoked",
                    Text.of("appointments.role." + a.role().name()), officeLabel(a.officeId(), locale), a.decreeNo(),
                    event.reason())));
            toGroup(a.officeId(), "decree:" + a.id(), locale -> Reply.text(Text.of("appointments.group_ended",
                    cards.name(a.memberId()), Text.of("appointments.role." + a.role().name()), a.decreeNo())));
        });
    }

    @ApplicationModuleListener(id = "offices.appointment-expired")
    void on(AppointmentExpired event) {
        appointments.find(event.appointmentId()).ifPresent(a -> {
            toMember(event.memberId(), "decree:" + a.id(), locale -> Reply.text(Text.of("appointments.notify_expired",
                    Text.of("appointments.role." + a.role().name()), officeLabel(a.officeId(), locale), a.decreeNo(),
                    JalaliDates.formatLong(a.termEnd(), locale))));
            toGroup(a.officeId(), "decree:" + a.id(), locale -> Reply.text(Text.of("appointments.group_ended",
                    cards.name(a.memberId()), Text.of("appointments.role." + a.role().name()), a.decreeNo())));
        });
    }

    @ApplicationModuleListener(id = "offices.appointment-ending")
    void on(AppointmentEndingSoon event) {
        appointments.find(event.appointmentId()).filter(AppointmentView::isActive).ifPresent(a -> {
            toMember(a.memberId(), "decree:" + a.id(), locale -> Reply.text(Text.of("appointments.notify_ending",
                    Text.of("appointments.role." + a.role().name()), officeLabel(a.officeId(), locale), a.decreeNo(),
                    JalaliDates.formatLong(a.termEnd(), locale), event.daysLeft())));
            Function<Locale, Reply> reminder = locale -> Reply.text(Text.of("appointments.notify_ending_reviewer",
                    cards.name(a.memberId()), Text.of("appointments.role." + a.role().name()),
                    officeLabel(a.officeId(), locale), a.decreeNo(), JalaliDates.formatLong(a.termEnd(), locale),
                    event.daysLeft()), Cards.decreeButtons(a.id()));
            access.adminChats().forEach(chat -> send(chat, null, "decree:" + a.id(), reminder));
            offices.find(a.officeId()).ifPresent(o -> appointments.provinceManagers(o.provinceId()).stream()
                    .filter(id -> id != a.memberId())
                    .forEach(id -> toMember(id, "decree:" + a.id(), reminder)));
        });
    }

    // ---- offices ----

    @ApplicationModuleListener(id = "offices.group-lost")
    void on(OfficeGroupLost event) {
        for (Long manager : appointments.activeManagersOf(event.officeId())) {
            toMember(manager, "office:" + event.officeId(), locale -> Reply.text(Text.of("offices.notify_group_lost",
                    officeLabel(event.officeId(), locale))));
        }
    }

    // ---- founding applications ----

    @ApplicationModuleListener(id = "offices.application-submitted")
    void on(ApplicationSubmitted event) {
        applications.find(event.applicationId()).ifPresent(app -> {
            toReviewers(app, locale -> Reply.text(Text.of("founding.notify_new", cards.application(app, locale)),
                    Cards.reviewButtons(app.id())));
            for (ApplicationView.Cofounder c : app.cofounders()) {
                toMember(c.memberId(), ref(app), locale -> Reply.text(Text.of("founding.notify_cofounder_invite",
                        cards.name(app.founderId()), app.proposedName(), app.trackingNo()), Keyboard.inline()
                        .row(Button.callback(Text.of("founding.cofounder_yes"), FoundingHandlers.COFOUNDER + ":y:" + app.id()),
                                Button.callback(Text.of("founding.cofounder_no"), FoundingHandlers.COFOUNDER + ":n:" + app.id()))
                        .build()));
            }
        });
    }

    @ApplicationModuleListener(id = "offices.application-changed")
    void on(ApplicationChanged event) {
        Optional<ApplicationView> found = applications.find(event.applicationId());
        if (found.isEmpty()) {
            return;
        }
        ApplicationView app = found.get();
        switch (event.status()) {
            case WAITING_FOR_APPLICANT -> toMember(app.founderId(), ref(app), locale -> Reply.text(Text.of(
                    "founding.notify_question", app.trackingNo(), event.note(), date(locale)), Keyboard.inline()
                    .row(Button.callback(Text.of("founding.answer_button"), AnswerFlow.ID + ":q:" + app.id())).build()));
            case SUBMITTED -> toReviewers(app, locale -> Reply.text(Text.of("founding.notify_answer", app.trackingNo(),
                    event.note(), cards.application(app, locale)), Cards.reviewButtons(app.id())));
            case APPROVED -> toMember(app.founderId(), ref(app), locale -> Reply.text(Text.of("founding.notify_approved",
                    app.trackingNo(), app.officeId() == null ? "" : officeLabel(app.officeId(), locale), app.permitNo(),
                    date(locale))));
            case REJECTED -> toMember(app.founderId(), ref(app), locale -> Reply.text(Text.of("founding.notify_rejected",
                    app.trackingNo(), event.note(), date(locale))));
            case EXPIRED -> toMember(app.founderId(), ref(app), locale -> Reply.text(Text.of("founding.notify_expired",
                    app.trackingNo(), date(locale))));
            case WITHDRAWN -> toReviewers(app, locale -> Reply.text(Text.of("founding.notify_withdrawn",
                    app.trackingNo())));
            default -> {
                // SUBMITTED for the first time is announced by ApplicationSubmitted
            }
        }
    }

    @ApplicationModuleListener(id = "offices.cofounder-responded")
    void on(CofounderResponded event) {
        applications.find(event.applicationId()).ifPresent(app -> toMember(event.founderId(), ref(app),
                locale -> Reply.text(Text.of(event.confirmed() ? "founding.notify_cofounder_confirmed"
                        : "founding.notify_cofounder_declined", cards.name(event.memberId()), app.trackingNo()))));
    }

    // ---- helpers ----

    private static String ref(ApplicationView app) {
        return "application:" + app.id();
    }

    private String date(Locale locale) {
        return JalaliDates.formatLong(clock.instant(), locale);
    }

    private Object officeLabel(long officeId, Locale locale) {
        return offices.find(officeId).<Object>map(o -> Ui.officeLabel(o, regions, locale)).orElse("");
    }

    /** Admins, and the manager of the application's province office. */
    private void toReviewers(ApplicationView app, Function<Locale, Reply> reply) {
        access.adminChats().forEach(chat -> send(chat, null, ref(app), reply));
        applications.memberReviewers(app.id()).stream()
                .filter(id -> id != app.founderId())
                .forEach(id -> toMember(id, ref(app), reply));
    }

    private void toMember(long memberId, String reference, Function<Locale, Reply> reply) {
        Optional<Recipient> to = membership.preferredRecipient(memberId);
        to.ifPresent(r -> send(new ChatRef(r.platform(), r.chatId()), r.locale(), reference, reply));
    }

    private void toGroup(long officeId, String reference, Function<Locale, Reply> reply) {
        offices.find(officeId).map(OfficeView::group).ifPresent(g ->
                send(new ChatRef(g.platform(), g.chatId()), null, reference, reply));
    }

    /** Renders for the recipient's language: the reply may hold language-dependent parts (dates, names). */
    private void send(ChatRef chat, String locale, String reference, Function<Locale, Reply> reply) {
        // without the recipient's language (admins), dates follow the master language; the text follows the chat
        Locale l = Texts.localeOf(locale);
        Reply r = reply.apply(l);
        if (r instanceof Reply.Send s) {
            r = new Reply.Send(chat, s.text(), s.keyboard(), reference);
        }
        notifier.send(chat, locale, reference, r);
    }
}

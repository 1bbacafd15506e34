package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberErased;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Recipient;
import ir.hamyar.domain.training.CertificateIssued;
import ir.hamyar.domain.training.CertificateView;
import ir.hamyar.domain.training.CourseCancelled;
import ir.hamyar.domain.training.CourseCompleted;
import ir.hamyar.domain.training.CourseResultsPending;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.EnrolmentConfirmed;
import ir.hamyar.domain.training.EnrolmentRequested;
import ir.hamyar.domain.training.OfferExpired;
import ir.hamyar.domain.training.Training;
import ir.hamyar.domain.training.WaitlistPromoted;
import ir.hamyar.messages.Texts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Training events → messages: offers with a confirm button, approvals, cancellations, results to confirm for whoever
 * runs the course, certificates as images. Each listener is a durable publication with a stable id.
 */
@Component
class TrainingNotifications {

    private final Training training;
    private final Membership membership;
    private final Appointments appointments;
    private final Notifier notifier;
    private final CertificateImages images;

    TrainingNotifications(Training training, Membership membership, Appointments appointments, Notifier notifier,
                          CertificateImages images) {
        this.training = training;
        this.membership = membership;
        this.appointments = appointments;
        this.notifier = notifier;
        this.images = images;
    }

    private void toMember(long memberId, String reference, Reply... replies) {
        Optional<Recipient> r = membership.preferredRecipient(memberId);
        r.ifPresent(x -> notifier.send(new ChatRef(x.platform(), x.chatId()), x.locale(), reference, replies));
    }

    /** The course's creator (in private) and the offering office's managers. */
    private void toRunners(CourseView c, String reference, Reply... replies) {
        Set<ChatRef> chats = new LinkedHashSet<>();
        chats.add(new ChatRef(c.creatorPlatform(), c.creatorUserId()));
        if (c.officeId() != null) {
            for (long manager : appointments.activeManagersOf(c.officeId())) {
                membership.preferredRecipient(manager).ifPresent(x -> chats.add(new ChatRef(x.platform(), x.chatId())));
            }
        }
        for (ChatRef chat : chats) {
            notifier.send(chat, null, reference, replies);
        }
    }

    @ApplicationModuleListener(id = "training.offer")
    void on(WaitlistPromoted e) {
        training.course(e.courseId()).ifPresent(c -> membership.preferredRecipient(e.memberId()).ifPresent(r ->
                notifier.send(new ChatRef(r.platform(), r.chatId()), r.locale(), "course:" + c.id(),
                        Reply.text(Text.of("training.promoted", c.title(),
                                CourseCards.when(e.offerExpiresAt(), Texts.localeOf(r.locale()))), Keyboard.inline()
                                .row(Button.callback(Text.of("training.confirm_offer"), MemberCourses.PREFIX + ":o:" + c.id()))
                                .build()))));
    }

    @ApplicationModuleListener(id = "training.offer-expired")
    void on(OfferExpired e) {
        training.course(e.courseId()).ifPresent(c ->
                toMember(e.memberId(), "course:" + c.id(), Reply.text("training.offer_expired", c.title())));
    }

    @ApplicationModuleListener(id = "training.approved")
    void on(EnrolmentConfirmed e) {
        if (e.via() == EnrolmentConfirmed.Via.APPROVAL) {
            training.course(e.courseId()).ifPresent(c ->
                    toMember(e.memberId(), "course:" + c.id(), Reply.text("training.you_were_approved", c.title())));
        }
    }

    @ApplicationModuleListener(id = "training.approval-request")
    void on(EnrolmentRequested e) {
        Optional<CourseView> c = training.course(e.courseId());
        Optional<MemberView> m = membership.find(e.memberId());
        if (c.isEmpty() || m.isEmpty()) {
            return;
        }
        String suffix = c.get().id() + ":" + e.memberId();
        toRunners(c.get(), "course:" + c.get().id(), Reply.text(Text.of("training.approval_request", m.get().fullName(),
                c.get().title()), Keyboard.inline()
                .row(Button.callback(Text.of("training.approve"), ManagerCourses.PREFIX + ":ap:" + suffix),
                        Button.callback(Text.of("training.reject"), ManagerCourses.PREFIX + ":rj:" + suffix)).build()));
    }

    @ApplicationModuleListener(id = "training.course-cancelled")
    void on(CourseCancelled e) {
        training.course(e.courseId()).ifPresent(c -> e.memberIds().forEach(m ->
                toMember(m, "course:" + c.id(), Reply.text("training.course_cancelled", c.title()))));
    }

    @ApplicationModuleListener(id = "training.results-pending")
    void on(CourseResultsPending e) {
        training.course(e.courseId()).ifPresent(c -> toRunners(c, "course:" + c.id(),
                Reply.text(Text.of("training.results_pending", c.title()), Keyboard.inline()
                        .row(Button.callback(Text.of("training.results"), ManagerCourses.PREFIX + ":r:" + c.id())).build())));
    }

    @ApplicationModuleListener(id = "training.completed")
    void on(CourseCompleted e) {
        training.course(e.courseId()).ifPresent(c -> e.notCompleted().forEach(m ->
                toMember(m, "course:" + c.id(), Reply.text("training.not_completed", c.title()))));
    }

    @ApplicationModuleListener(id = "training.certificate")
    void on(CertificateIssued e) {
        Optional<CertificateView> cert = training.certificate(e.certificateId());
        Optional<Recipient> r = membership.preferredRecipient(e.memberId());
        if (cert.isEmpty() || r.isEmpty()) {
            return;
        }
        byte[] png = images.render(cert.get());
        notifier.send(new ChatRef(r.get().platform(), r.get().chatId()), r.get().locale(), "certificate:" + cert.get().id(),
                new Reply.SendDocument(null, "certificate-" + cert.get().code() + ".png", png,
                        Text.of("training.certificate_caption", cert.get().courseTitle(), cert.get().code())));
    }

    @ApplicationModuleListener(id = "training.member-erased")
    void on(MemberErased e) {
        training.forgetMember(e.memberId());
    }
}

package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.Refusal;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Revoke button of a decree: the next text is the reason, sent to the holder. */
@Component
class RevokeFlow extends Flow<RevokeFlow.Step, RevokeFlow.Target> {

    static final String ID = "rk";

    enum Step { REASON }

    record Target(long appointmentId, String decreeNo) {
    }

    private final Appointments appointments;
    private final Authority authority;

    RevokeFlow(Appointments appointments, Authority authority) {
        super(ID, Step.class, Target.class);
        this.appointments = appointments;
        this.authority = authority;
    }

    @Override
    public boolean startsFromCallback(String data) {
        return data.startsWith(ID + ":");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.REASON);
    }

    @Override
    public Transition<Step, Target> begin(Session session, Inbound trigger) {
        String data = trigger.callbackData() == null ? "" : trigger.callbackData();
        Optional<AppointmentView> a = Ui.parseLong(data.substring(Math.min(data.length(), ID.length() + 1)))
                .flatMap(appointments::find);
        if (a.isEmpty() || authority.appointerFor(session, a.get().officeId()).isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        if (!a.get().isActive()) {
            return Transition.finish(Reply.text("appointments.refused.NOT_ACTIVE"));
        }
        return Transition.goTo(Step.REASON, new Target(a.get().id(), a.get().decreeNo()));
    }

    @Override
    public List<Reply> prompt(Step step, Target t, Session session) {
        return List.of(Reply.text(Text.of("appointments.ask_revoke_reason", t.decreeNo()), Ui.backOnly()));
    }

    @Override
    public Transition<Step, Target> onInput(Step step, Target t, Inbound in, Session session) {
        Optional<String> reason = Ui.text(in);
        if (reason.isEmpty()) {
            return Transition.reask("appointments.refused.REASON_REQUIRED");
        }
        Optional<AppointmentView> a = appointments.find(t.appointmentId());
        Optional<Issuer> issuer = a.flatMap(x -> authority.appointerFor(session, x.officeId()));
        if (issuer.isEmpty()) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        Optional<Refusal> refusal = appointments.revoke(t.appointmentId(), reason.get(), issuer.get());
        return refusal.<Transition<Step, Target>>map(r -> Transition.finish(Reply.text("appointments.refused." + r.name())))
                .orElseGet(() -> Transition.finish(Reply.text("appointments.revoked_done", t.decreeNo())));
    }
}

package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.messages.PersianText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Renewal of a decree, {@code /decree <number>} (look one up, with Renew and Revoke) and {@code /mydecrees}. */
@Configuration
class DecreeHandlers {

    static final String PREFIX = "dc";
    static final String RENEW = PREFIX + ":rn:";

    @Bean
    CallbackHandler renewDecree(Appointments appointments, Authority authority) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return PREFIX;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<AppointmentView> a = Ui.longArg(callback, PREFIX, "rn").flatMap(appointments::find);
                Optional<Issuer> issuer = a.flatMap(x -> authority.appointerFor(session, x.officeId()));
                if (issuer.isEmpty()) {
                    return List.of(Ui.notice(callback, "runtime.not_allowed"), Reply.text("runtime.not_allowed"));
                }
                IssueResult r = appointments.renew(a.get().id(), null, issuer.get());
                if (r instanceof IssueResult.Issued issued) {
                    return List.of(Reply.text("appointments.renewed_done", a.get().decreeNo(),
                            issued.appointment().decreeNo()));
                }
                return List.of(Reply.text("appointments.refused." + ((IssueResult.Refused) r).reason().name()));
            }
        };
    }

    @Bean
    CommandHandler decreeLookup(Appointments appointments, Authority authority, Cards cards) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("decree");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                Optional<AppointmentView> a = appointments.findByDecreeNo(
                        PersianText.normalize(command.commandArgument()));
                if (a.isEmpty()) {
                    return List.of(Reply.text("appointments.decree_not_found"));
                }
                if (authority.appointerFor(session, a.get().officeId()).isEmpty()) {
                    return List.of(Reply.text("runtime.not_allowed"));
                }
                return List.of(Reply.text(cards.decreeSummary(a.get(), session.locale()),
                        a.get().isActive() ? Cards.decreeButtons(a.get().id()) : null));
            }
        };
    }

    @Bean
    CommandHandler myDecrees(Appointments appointments, Authority authority, Cards cards) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("mydecrees");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                Optional<Long> me = authority.memberId(session);
                List<Reply> replies = new ArrayList<>();
                me.ifPresent(id -> appointments.historyOf(id)
                        .forEach(a -> replies.add(Reply.text(cards.decreeSummary(a, session.locale())))));
                return replies.isEmpty() ? List.of(Reply.text("appointments.none_yet")) : replies;
            }
        };
    }
}

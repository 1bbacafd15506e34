package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.training.Training;
import ir.hamyar.domain.training.Verification;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /verify <code>}: anyone (also in groups) can check a certificate; only name, course and date are shown. */
@Component
class VerifyCommand implements CommandHandler {

    private final Training training;

    VerifyCommand(Training training) {
        this.training = training;
    }

    @Override
    public Set<String> commands() {
        return Set.of("verify");
    }

    @Override
    public boolean inGroups() {
        return true;
    }

    @Override
    public List<Reply> handle(Inbound command, Session session) {
        String code = PersianText.normalize(command.commandArgument());
        if (code.isBlank()) {
            return List.of(Reply.text("training.verify_usage"));
        }
        Optional<Verification> v = training.verify(code);
        return List.of(v.map(x -> Reply.text("training.verify_ok", x.holderName(), x.courseTitle(),
                        JalaliDates.formatLong(x.issuedAt(), session.locale())))
                .orElseGet(() -> Reply.text("training.verify_unknown")));
    }
}

package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.membership.ErasureResult;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /deleteme}: explains what erasure means, asks once more, then erases the member's personal data. */
@Component
class EraseFlow extends Flow<EraseFlow.Step, EraseFlow.Draft> {

    enum Step { CONFIRM }

    record Draft(long memberId) {
    }

    private final Membership membership;
    private final Clock clock;

    EraseFlow(Membership membership, Clock clock) {
        super("erase", Step.class, Draft.class);
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    public Set<String> commands() {
        return Set.of("deleteme");
    }

    @Override
    public Transition<Step, Draft> begin(Session session, Inbound trigger) {
        Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
        if (m.isEmpty()) {
            return Transition.finish(Reply.text("membership.not_member"));
        }
        return Transition.goTo(Step.CONFIRM, new Draft(m.get().id()));
    }

    @Override
    public List<Reply> prompt(Step step, Draft draft, Session session) {
        return List.of(Reply.text(Text.of("membership.erase_explain"), Keyboard.inline()
                .row(Button.callback(Text.of("membership.erase_yes"), "erase:yes"),
                        Button.callback(Text.of("membership.erase_no"), "erase:no")).build()));
    }

    @Override
    public Transition<Step, Draft> onInput(Step step, Draft draft, Inbound input, Session session) {
        if ("erase:no".equals(input.callbackData())) {
            return Transition.finish(Reply.text("membership.erase_kept"));
        }
        if (!"erase:yes".equals(input.callbackData())) {
            return Transition.reask("membership.choose_from_buttons");
        }
        ErasureResult result = membership.erase(draft.memberId(), clock.instant());
        return Transition.finish(Reply.text(Text.of("membership.erased"), Keyboard.REMOVE));
    }
}

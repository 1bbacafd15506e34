package ir.hamyar.bot.admin.console;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.StatusChangeResult;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /suspend} and {@code /reinstate}: which member (member code or invite link), why (required; a
 * suspension's reason is told to the member), confirm. Admins only ({@link Action#SUSPEND_MEMBER}), asked again at
 * every step. The decision and its audit entry are the membership domain's; the member is told in their language
 * at the chat they last used.
 */
@Component
class ModerationFlow extends Flow<ModerationFlow.Step, ModerationFlow.Draft> {

    static final String ID = "md";
    static final int MAX_REASON = 200;

    enum Step { WHO, REASON, CONFIRM }

    /** @param suspend suspension (else reinstatement) */
    record Draft(boolean suspend, Long memberId, String reason) {
    }

    private final Access access;
    private final Membership membership;
    private final MemberLookup lookup;
    private final Notifier notifier;

    ModerationFlow(Access access, Membership membership, MemberLookup lookup, Notifier notifier) {
        super(ID, Step.class, Draft.class);
        this.access = access;
        this.membership = membership;
        this.lookup = lookup;
        this.notifier = notifier;
    }

    @Override
    public Set<String> commands() {
        return Set.of("suspend", "reinstate");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.WHO, Step.REASON);
    }

    private boolean allowed(Session s) {
        return access.may(access.caller(s), Action.SUSPEND_MEMBER);
    }

    @Override
    public Transition<Step, Draft> begin(Session session, Inbound trigger) {
        if (!allowed(session)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        String command = trigger.command() != null ? trigger.command()
                : Objects.requireNonNullElse(trigger.callbackData(), "").replace(Button.COMMAND_PREFIX, "");
        Draft draft = new Draft(!"reinstate".equals(command), null, null);
        Optional<MemberView> named = trigger.commandArgument().isBlank() ? Optional.empty()
                : lookup.member(trigger.commandArgument());
        return named.map(m -> Transition.<Step, Draft>goTo(Step.REASON, new Draft(draft.suspend(), m.id(), null)))
                .orElseGet(() -> Transition.goTo(Step.WHO, draft));
    }

    private String mode(Draft d) {
        return d.suspend() ? "admin.suspend." : "admin.reinstate.";
    }

    private Text who(Draft d) {
        return membership.find(d.memberId()).map(MemberLookup::describe).orElse(Text.of("common.raw", ""));
    }

    @Override
    public List<Reply> prompt(Step step, Draft d, Session s) {
        return switch (step) {
            case WHO -> List.of(Reply.text(Text.of(mode(d) + "ask_who"), RolesFlow.backOnly()));
            case REASON -> List.of(Reply.text(Text.of(mode(d) + "ask_reason", who(d)), RolesFlow.backOnly()));
            case CONFIRM -> List.of(Reply.text(Text.of(mode(d) + "confirm", who(d), d.reason()), Keyboard.inline()
                    .row(Button.callback(Text.of("common.confirm"), ID + ":ok:yes"),
                            Button.callback(Text.of("common.cancel"), ID + ":ok:no")).build()));
        };
    }

    @Override
    public Transition<Step, Draft> onInput(Step step, Draft d, Inbound in, Session s) {
        if (!allowed(s)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        return switch (step) {
            case WHO -> MemberLookup.typed(in).flatMap(lookup::member)
                    .<Transition<Step, Draft>>map(m -> whom(d, m, s))
                    .orElseGet(() -> Transition.reask("admin.member_unknown"));
            case REASON -> MemberLookup.typed(in).filter(r -> r.codePointCount(0, r.length()) <= MAX_REASON)
                    .<Transition<Step, Draft>>map(r -> Transition.goTo(Step.CONFIRM,
                            new Draft(d.suspend(), d.memberId(), r)))
                    .orElseGet(() -> Transition.reask("admin.reason_required", MAX_REASON));
            case CONFIRM -> confirm(d, in, s);
        };
    }

    private Transition<Step, Draft> whom(Draft d, MemberView m, Session s) {
        if (d.suspend() && access.caller(s).memberId().filter(id -> id == m.id()).isPresent()) {
            return Transition.reask("admin.suspend.not_self");
        }
        return Transition.goTo(Step.REASON, new Draft(d.suspend(), m.id(), null));
    }

    private Transition<Step, Draft> confirm(Draft d, Inbound in, Session s) {
        String data = in.callbackData() == null ? "" : in.callbackData();
        if (data.equals(ID + ":ok:no")) {
            return Transition.finish(Reply.text("admin.nothing_changed"));
        }
        if (!data.equals(ID + ":ok:yes") || d.memberId() == null || d.reason() == null) {
            return Transition.reask("admin.choose_from_buttons");
        }
        Caller caller = access.caller(s);
        Text who = who(d);
        StatusChangeResult result = d.suspend() ? membership.suspend(caller.auditActor(), d.memberId(), d.reason())
                : membership.reinstate(caller.auditActor(), d.memberId(), d.reason());
        if (result != StatusChangeResult.CHANGED) {
            return Transition.finish(Reply.text(Text.of(mode(d) + "result." + result.name(), who)));
        }
        membership.preferredRecipient(d.memberId()).ifPresent(r -> notifier.send(new ChatRef(r.platform(), r.chatId()),
                r.locale(), "member:" + d.memberId(), Reply.text(Text.of(mode(d) + "notice", d.reason()))));
        return Transition.finish(Reply.text(Text.of(mode(d) + "done", who)));
    }
}

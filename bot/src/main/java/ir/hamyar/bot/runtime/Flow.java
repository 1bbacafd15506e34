package ir.hamyar.bot.runtime;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A guided conversation: one class, one step enum, one draft record (DESIGN §2). Flows are Spring beans;
 * the conversation engine persists {@code (flow id, step, draft)} per chat and calls the flow for each input.
 * A flow never sees a messenger type and never sends anything itself: it returns {@link Transition}s.
 *
 * <p>The engine handles {@code /start}, {@code /cancel}, {@code /help}, {@code /menu} and the back button
 * before the flow sees an input; "back" moves to {@link #previous} and prompts it again.
 */
public abstract class Flow<S extends Enum<S>, D> {

    private final String id;
    private final Class<S> stepType;
    private final Class<D> draftType;

    protected Flow(String id, Class<S> stepType, Class<D> draftType) {
        this.id = id;
        this.stepType = stepType;
        this.draftType = draftType;
    }

    public final String id() {
        return id;
    }

    public final Class<S> stepType() {
        return stepType;
    }

    public final Class<D> draftType() {
        return draftType;
    }

    /** Commands (without slash) that start this flow in a private chat, e.g. {@code report}. */
    public Set<String> commands() {
        return Set.of();
    }

    /** Keys of main-menu labels that start this flow when the user taps them. */
    public Set<String> menuLabels() {
        return Set.of();
    }

    /**
     * Whether an inline button outside the flow starts it (e.g. "edit name" on a profile card): its data
     * starts with this flow's id and a colon. The pressed callback is then the trigger of {@link #begin}.
     * Inside the flow, buttons carry data {@code <flow id>:<step tag>:<value>}; a flow checks the step tag
     * so a button of an earlier step (a stale message) is re-asked, not applied.
     */
    public boolean startsFromCallback(String data) {
        return false;
    }

    /** Called when the flow starts; may refuse (Finish) or go to the first step. */
    public abstract Transition<S, D> begin(Session session, Inbound trigger);

    /** The question of a step, with its keyboard. */
    public abstract List<Reply> prompt(S step, D draft, Session session);

    /** The user's answer to the current step. */
    public abstract Transition<S, D> onInput(S step, D draft, Inbound input, Session session);

    /** The step "back" returns to; null means back leaves the flow. Default: the previous constant. */
    public S previous(S step, D draft) {
        S[] all = stepType.getEnumConstants();
        return step.ordinal() == 0 ? null : all[step.ordinal() - 1];
    }

    /** Steps that accept free text (others accept only buttons); used for hints. */
    public Set<S> textSteps() {
        return EnumSet.noneOf(stepType);
    }
}

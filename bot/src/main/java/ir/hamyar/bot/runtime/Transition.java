package ir.hamyar.bot.runtime;

import java.util.List;

/**
 * What a flow decided about one input: go to a step (the engine then sends that step's prompt), ask the
 * same step again with a hint, or finish. Replies listed here are sent before the next prompt.
 */
public sealed interface Transition<S extends Enum<S>, D> {

    List<Reply> replies();

    /** Move to {@code step} with the new draft; the engine sends the step's prompt after {@code replies}. */
    record GoTo<S extends Enum<S>, D>(S step, D draft, List<Reply> replies) implements Transition<S, D> {
    }

    /** The input was not acceptable: nothing changes; the hint is sent, then the step's prompt again. */
    record Reask<S extends Enum<S>, D>(Text hint, List<Reply> replies) implements Transition<S, D> {
    }

    /** Stay on the step with a new draft and send only these replies (no prompt), e.g. a paged list update. */
    record Stay<S extends Enum<S>, D>(D draft, List<Reply> replies) implements Transition<S, D> {
    }

    /** The flow is over; the conversation returns to the main menu. */
    record Finish<S extends Enum<S>, D>(List<Reply> replies) implements Transition<S, D> {
    }

    static <S extends Enum<S>, D> Transition<S, D> goTo(S step, D draft, Reply... replies) {
        return new GoTo<>(step, draft, List.of(replies));
    }

    static <S extends Enum<S>, D> Transition<S, D> reask(String hintKey, Object... args) {
        return new Reask<>(Text.of(hintKey, args), List.of());
    }

    static <S extends Enum<S>, D> Transition<S, D> stay(D draft, Reply... replies) {
        return new Stay<>(draft, List.of(replies));
    }

    static <S extends Enum<S>, D> Transition<S, D> finish(Reply... replies) {
        return new Finish<>(List.of(replies));
    }

    static <S extends Enum<S>, D> Transition<S, D> finish(List<Reply> replies) {
        return new Finish<>(replies);
    }
}

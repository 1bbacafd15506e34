package ir.hamyar.bot.e2e;

import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Transition;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Set;

/**
 * Flows that exist only for the runtime's end-to-end tests. A plain class (no stereotype) given to
 * {@link TestApp.Builder#with}, so no component scan picks it up.
 */
public class TestFlows {

    @Bean
    TwoStepFlow twoStepFlow() {
        return new TwoStepFlow();
    }

    @Bean
    EchoFlow echoFlow() {
        return new EchoFlow();
    }

    @Bean
    FailingFlow failingFlow() {
        return new FailingFlow();
    }

    /** Throws on any answer: shows the rollback, the apology and a worker that carries on. */
    static final class FailingFlow extends Flow<FailingFlow.Step, FailingFlow.Draft> {
        enum Step { ANY }

        record Draft(int n) {
        }

        FailingFlow() {
            super("boom", Step.class, Draft.class);
        }

        @Override
        public Set<String> commands() {
            return Set.of("boom");
        }

        @Override
        public Transition<Step, Draft> begin(Session session, Inbound trigger) {
            return Transition.goTo(Step.ANY, new Draft(0));
        }

        @Override
        public List<Reply> prompt(Step step, Draft draft, Session session) {
            return List.of(Reply.text("runtime.test_flow_ask_name"));
        }

        @Override
        public Transition<Step, Draft> onInput(Step step, Draft draft, Inbound input, Session session) {
            throw new IllegalStateException("failure quoting the input " + input.text());
        }
    }

    /** A clock the test moves. A plain class given to {@link TestApp.Builder#with}. */
    public static class MovableClock {
        static final MutableClock CLOCK = new MutableClock(java.time.Instant.parse("2026-11-23T08:00:00Z"));

        @Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock movableClock() {
            return CLOCK;
        }
    }

    /** Asks a name, then a city, then repeats both. */
    static final class TwoStepFlow extends Flow<TwoStepFlow.Step, TwoStepFlow.Draft> {
        enum Step { NAME, CITY }

        record Draft(String name) {
        }

        TwoStepFlow() {
            super("twostep", Step.class, Draft.class);
        }

        @Override
        public Set<String> commands() {
            return Set.of("testflow");
        }

        @Override
        public Transition<Step, Draft> begin(Session session, Inbound trigger) {
            return Transition.goTo(Step.NAME, new Draft(null));
        }

        @Override
        public List<Reply> prompt(Step step, Draft draft, Session session) {
            return List.of(Reply.text(step == Step.NAME ? "runtime.test_flow_ask_name" : "runtime.test_flow_ask_city"));
        }

        @Override
        public Transition<Step, Draft> onInput(Step step, Draft draft, Inbound input, Session session) {
            if (input.text() == null || input.text().isBlank()) {
                return Transition.reask("runtime.unexpected_input");
            }
            if (step == Step.NAME) {
                return Transition.goTo(Step.CITY, new Draft(input.text()));
            }
            return Transition.finish(Reply.text("runtime.test_flow_done", draft.name(), input.text()));
        }
    }

    /** Repeats every text with a running count: shows order and exactly-once application. */
    static final class EchoFlow extends Flow<EchoFlow.Step, EchoFlow.Draft> {
        enum Step { ECHO }

        record Draft(int count) {
        }

        EchoFlow() {
            super("echo", Step.class, Draft.class);
        }

        @Override
        public Set<String> commands() {
            return Set.of("echo");
        }

        @Override
        public Transition<Step, Draft> begin(Session session, Inbound trigger) {
            return Transition.goTo(Step.ECHO, new Draft(0));
        }

        @Override
        public List<Reply> prompt(Step step, Draft draft, Session session) {
            return List.of();
        }

        @Override
        public Transition<Step, Draft> onInput(Step step, Draft draft, Inbound input, Session session) {
            int n = draft.count() + 1;
            return Transition.stay(new Draft(n), Reply.text("runtime.test_flow_done", input.text(), String.valueOf(n)));
        }
    }
}

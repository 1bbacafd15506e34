package ir.hamyar.bot.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no messenger token is configured: the application runs its sandbox. */
public class SandboxCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return blank(context.getEnvironment().getProperty("hamyar.telegram.token"))
                && blank(context.getEnvironment().getProperty("hamyar.bale.token"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The opposite: at least one real token. */
    public static class Real implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new SandboxCondition().matches(context, metadata);
        }
    }
}

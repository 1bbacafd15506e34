package ir.hamyar.bot.config;

import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.domain.shared.Platform;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@Configuration
@EnableConfigurationProperties({HamyarProperties.class, RuntimeProperties.class})
class CoreConfiguration {

    /** One clock for the whole application, so tests can move time (expiry, reminders, escalation). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Static: a post-processor of the bean factory, created before any other bean. */
    @Bean
    static BeanFactoryPostProcessor lazyRepositoriesUnderAot() {
        return new LazyRepositoriesUnderAot();
    }

    /**
     * Decided here, when the application starts, and not by a bean condition: Spring AOT (the Docker image) fixes
     * at build time which beans exist, and one image serves both the sandbox and the real bots.
     */
    @Bean
    MessengerEndpoints messengerEndpoints(HamyarProperties properties, MessengerStandIn standIn) {
        if (properties.sandbox()) {
            return new MessengerEndpoints(standIn.endpoints());
        }
        List<MessengerEndpoints.Endpoint> list = new ArrayList<>();
        if (properties.telegram().enabled()) {
            list.add(new MessengerEndpoints.Endpoint(Platform.TELEGRAM, properties.telegram().token(),
                    orDefault(properties.telegram().apiUrl(), "https://api.telegram.org")));
        }
        if (properties.bale().enabled()) {
            list.add(new MessengerEndpoints.Endpoint(Platform.BALE, properties.bale().token(),
                    orDefault(properties.bale().apiUrl(), "https://tapi.bale.ai")));
        }
        return new MessengerEndpoints(list);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

package ir.hamyar.bot.config;

import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.domain.shared.Platform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
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

    @Bean
    @Conditional(SandboxCondition.Real.class)
    MessengerEndpoints messengerEndpoints(HamyarProperties properties) {
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

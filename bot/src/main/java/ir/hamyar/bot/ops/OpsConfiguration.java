package ir.hamyar.bot.ops;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({HealthProperties.class, RetentionProperties.class})
class OpsConfiguration {
}

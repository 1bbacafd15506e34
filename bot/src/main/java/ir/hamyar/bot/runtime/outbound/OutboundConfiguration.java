package ir.hamyar.bot.runtime.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {
}

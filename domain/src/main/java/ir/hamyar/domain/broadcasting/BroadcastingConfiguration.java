package ir.hamyar.domain.broadcasting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BroadcastingSettings.class)
class BroadcastingConfiguration {
}

package ir.hamyar.domain.training;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainingSettings.class)
class TrainingConfiguration {
}

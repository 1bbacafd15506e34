package ir.hamyar.domain.appointments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppointmentSettings.class)
class AppointmentsConfiguration {
}

package ir.hamyar.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hamyar: the Telegram and Bale bot of the volunteer member network.
 *
 * <p>The application lives in {@code ir.hamyar.bot}; the business core it drives lives in
 * {@code ir.hamyar.domain} (another jar), hence the explicit scan of both.
 */
@SpringBootApplication(scanBasePackages = {"ir.hamyar.bot", "ir.hamyar.domain"})
@EntityScan("ir.hamyar.domain")
@EnableJpaRepositories("ir.hamyar.domain")
@EnableScheduling
@EnableAsync // domain-event listeners (@ApplicationModuleListener) run off the update workers' threads
public class HamyarApplication {

    public static void main(String[] args) {
        SpringApplication.run(HamyarApplication.class, args);
    }
}

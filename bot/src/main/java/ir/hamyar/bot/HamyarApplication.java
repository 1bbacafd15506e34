package ir.hamyar.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hamyar: the Telegram and Bale bot of the volunteer member network.
 *
 * <p>The application lives in {@code ir.hamyar.bot}; the business core it drives lives in
 * {@code ir.hamyar.domain} (another jar), hence the explicit scan of both.
 *
 * <p>The repositories are created on first use ({@link BootstrapMode#LAZY}), not at startup: creating one parses
 * and validates its JPQL queries twice (Spring Data's and Hibernate's ANTLR grammars), which a JFR recording of a
 * start showed taking about a third of the main thread on a cold JVM (issue 11). Wrong queries still fail the
 * domain's repository tests, which create every repository.
 */
@SpringBootApplication(scanBasePackages = {"ir.hamyar.bot", "ir.hamyar.domain"})
@EntityScan("ir.hamyar.domain")
@EnableJpaRepositories(basePackages = "ir.hamyar.domain", bootstrapMode = BootstrapMode.LAZY)
@EnableScheduling
@EnableAsync // domain-event listeners (@ApplicationModuleListener) run off the update workers' threads
public class HamyarApplication {

    public static void main(String[] args) {
        SpringApplication.run(HamyarApplication.class, args);
    }
}

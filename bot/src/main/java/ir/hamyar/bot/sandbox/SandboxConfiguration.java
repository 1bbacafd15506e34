package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.domain.shared.Platform;
import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No token configured: the bots run against an in-process fake Bot API, and a web chat at {@code /sandbox}
 * lets a person play citizens, managers and admins, on Telegram and on Bale. These beans exist with a token too
 * (see {@link Sandbox}: the choice is made when the application starts), and then do nothing.
 */
@Configuration
class SandboxConfiguration {

    static final String TELEGRAM_TOKEN = Sandbox.TELEGRAM_TOKEN;
    static final String BALE_TOKEN = Sandbox.BALE_TOKEN;

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Sandbox sandbox(HamyarProperties properties, @Value("${hamyar.sandbox.api-port:0}") int port, JdbcTemplate jdbc) {
        return properties.sandbox() ? Sandbox.start(port, jdbc) : Sandbox.off();
    }

    @Bean
    SandboxChats sandboxChats(Sandbox sandbox) {
        return sandbox.on() ? new SandboxChats(sandbox.bot(Platform.TELEGRAM), sandbox.bot(Platform.BALE))
                : SandboxChats.none();
    }

    /**
     * Photos from a phone camera are larger than the servlet default of 1 MB. With a token, Spring Boot's own
     * limits (which this bean replaces: Boot creates its own only when there is none).
     */
    @Bean
    MultipartConfigElement sandboxUploads(Sandbox sandbox, ObjectProvider<MultipartProperties> boot) {
        if (!sandbox.on()) {
            return boot.getIfAvailable(MultipartProperties::new).createMultipartConfig();
        }
        long max = SandboxController.MAX_PHOTO_BYTES;
        return new MultipartConfigElement(null, max, max + 64 * 1024, 0);
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!ready.getApplicationContext().getBean(Sandbox.class).on()) {
            return;
        }
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.info("No bot token configured: sandbox mode. Open http://localhost:{}/sandbox to chat with the bot.", port);
    }
}

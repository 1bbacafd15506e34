package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.config.SandboxCondition;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.domain.shared.Platform;
import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * No token configured: the bots run against an in-process fake Bot API, and a web chat at {@code /sandbox}
 * lets a person play citizens, managers and admins, on Telegram and on Bale.
 */
@Configuration
@Conditional(SandboxCondition.class)
class SandboxConfiguration {

    static final String TELEGRAM_TOKEN = "sandbox-telegram";
    static final String BALE_TOKEN = "sandbox-bale";

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    FakeBotApi sandboxBotApi(@Value("${hamyar.sandbox.api-port:0}") int port, JdbcTemplate jdbc) {
        FakeBotApi api = FakeBotApi.start(port);
        api.bot(TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_sandbox_bot")
                .continueUpdateIdsAfter(lastUpdateId(jdbc, Platform.TELEGRAM));
        api.bot(BALE_TOKEN, Flavor.BALE, "hamyar_sandbox_bale_bot")
                .continueUpdateIdsAfter(lastUpdateId(jdbc, Platform.BALE));
        return api;
    }

    /**
     * The zero-setup database is kept across runs, but a new fake server would number its updates from 1 again,
     * and the inbox drops update ids it has seen: the fake continues after the last one stored instead.
     */
    static int lastUpdateId(JdbcTemplate jdbc, Platform platform) {
        Long last = jdbc.queryForObject("SELECT MAX(update_id) FROM inbox_update WHERE platform = ?", Long.class,
                platform.name());
        return last == null ? 0 : (int) Math.min(last, Integer.MAX_VALUE - 1_000_000L);
    }

    @Bean
    SandboxChats sandboxChats(FakeBotApi api) {
        return new SandboxChats(api.bot(TELEGRAM_TOKEN), api.bot(BALE_TOKEN));
    }

    /** Photos from a phone camera are larger than the servlet default of 1 MB. */
    @Bean
    MultipartConfigElement sandboxUploads() {
        long max = SandboxController.MAX_PHOTO_BYTES;
        return new MultipartConfigElement(null, max, max + 64 * 1024, 0);
    }

    @Bean
    MessengerEndpoints sandboxEndpoints(FakeBotApi api) {
        return new MessengerEndpoints(List.of(
                new MessengerEndpoints.Endpoint(Platform.TELEGRAM, TELEGRAM_TOKEN, api.baseUrl()),
                new MessengerEndpoints.Endpoint(Platform.BALE, BALE_TOKEN, api.baseUrl())));
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.info("No bot token configured: sandbox mode. Open http://localhost:{}/sandbox to chat with the bot.", port);
    }
}

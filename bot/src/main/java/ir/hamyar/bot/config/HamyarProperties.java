package ir.hamyar.bot.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The configuration contract (DESIGN §4), bound from the environment through application.yml.
 * Tokens and secrets are only ever read here; they are never logged (see {@link #toString()}).
 * {@code receiveRetry}: how long after a failed start of a bot's receiving (its API unreachable) it is tried
 * again, doubling each time up to five minutes. {@code pollLinger}: how long long polling waits after a getUpdates
 * answer that was not full before asking again (zero: at once), so that under load each answer, and each
 * transaction that stores and applies it, carries more updates.
 */
@ConfigurationProperties("hamyar")
public record HamyarProperties(
        @DefaultValue Bot telegram,
        @DefaultValue Bot bale,
        @DefaultValue Webhook webhook,
        @DefaultValue("") String admins,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue("5s") Duration receiveRetry,
        @DefaultValue("10ms") Duration pollLinger) {

    public record Bot(@DefaultValue("") String token, @DefaultValue("") String apiUrl) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Bot[apiUrl=" + apiUrl + ", token=" + (enabled() ? "***" : "none") + "]";
        }
    }

    public record Webhook(@DefaultValue("") String baseUrl, @DefaultValue("") String secret) {
        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[baseUrl=" + baseUrl + ", secret=***]";
        }
    }

    /** No token at all: the sandbox (in-process fake Bot API and web chat) stands in for the messengers. */
    public boolean sandbox() {
        return !telegram.enabled() && !bale.enabled();
    }
}

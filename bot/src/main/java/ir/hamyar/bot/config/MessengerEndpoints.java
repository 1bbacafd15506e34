package ir.hamyar.bot.config;

import ir.hamyar.domain.shared.Platform;

import java.util.List;

/**
 * The bots to run: which platform, with which token, at which Bot API base URL. From the environment, or
 * from the sandbox when no token is configured.
 */
public record MessengerEndpoints(List<Endpoint> endpoints) {

    public record Endpoint(Platform platform, String token, String apiUrl) {
        @Override
        public String toString() {
            return "Endpoint[" + platform + " at " + apiUrl + "]";
        }
    }
}

package ir.hamyar.bot.telegram;

import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.EnumSet;
import java.util.Set;

/**
 * Asks a configured bot's API whether it answers ({@code getMe}): one network call per {@link #probe}, so callers
 * (the health check) must cache the outcome. The outcome never carries the token or the request URL.
 */
@Component
public class BotApiProbe {

    /** What one getMe came to: reachable or not, and a short reason (a username, a status code, a failure kind). */
    public record Probe(boolean reachable, String detail) {
    }

    private final MessengerEndpoints endpoints;
    private final MessengerBots bots;

    BotApiProbe(MessengerEndpoints endpoints, MessengerBots bots) {
        this.endpoints = endpoints;
        this.bots = bots;
    }

    /** The platforms whose bot is configured (whether or not its API answers). */
    public Set<Platform> platforms() {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        endpoints.endpoints().forEach(e -> platforms.add(e.platform()));
        return platforms;
    }

    public Probe probe(Platform platform) {
        TelegramClient client = bots.client(platform);
        if (client == null) {
            return new Probe(false, "not started");
        }
        try {
            User me = client.execute(new GetMe());
            return new Probe(true, me == null || me.getUserName() == null ? "ok" : "@" + me.getUserName());
        } catch (TelegramApiRequestException e) {
            // The API answered with an error: its code says enough (the description may quote the request).
            return new Probe(false, e.getErrorCode() == null || e.getErrorCode() == 0
                    ? kind(e) : "HTTP " + e.getErrorCode());
        } catch (Exception e) {
            return new Probe(false, kind(e));
        }
    }

    /** The root failure's type only: I/O messages may quote the URL, and the URL holds the token. */
    static String kind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}

package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The username each platform's bot has (learnt with getMe at start): for mentions and deep links. */
@Component
public class BotDirectory {

    private final Map<Platform, String> usernames = new ConcurrentHashMap<>();

    public void register(Platform platform, String username) {
        if (username != null) {
            usernames.put(platform, username);
        }
    }

    public Optional<String> username(Platform platform) {
        return Optional.ofNullable(usernames.get(platform));
    }

    public boolean isRunning(Platform platform) {
        return usernames.containsKey(platform);
    }
}

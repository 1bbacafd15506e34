package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The messenger clients of the running bots, registered by the adapter when it starts them. */
@Component
public class MessengerClients {

    private final Map<Platform, MessengerClient> clients = new ConcurrentHashMap<>();

    public void register(MessengerClient client) {
        clients.put(client.platform(), client);
    }

    public Optional<MessengerClient> get(Platform platform) {
        return Optional.ofNullable(clients.get(platform));
    }

    public Collection<MessengerClient> all() {
        return clients.values();
    }
}

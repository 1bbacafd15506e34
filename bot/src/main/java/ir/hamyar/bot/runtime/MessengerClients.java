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
    private volatile boolean complete;

    public void register(MessengerClient client) {
        clients.put(client.platform(), client);
    }

    /** Every configured messenger has registered its client: a platform still missing has no bot at all. */
    public void registrationComplete() {
        complete = true;
    }

    /**
     * Whether the adapter has registered all clients. Until then a missing client means "not started yet" (the
     * outbound sender starts before the bots, and may already hold rows left by the previous run).
     */
    public boolean isRegistrationComplete() {
        return complete;
    }

    public Optional<MessengerClient> get(Platform platform) {
        return Optional.ofNullable(clients.get(platform));
    }

    public Collection<MessengerClient> all() {
        return clients.values();
    }
}

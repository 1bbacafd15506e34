package ir.hamyar.bot.admin;

import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bootstrap administrators from {@code HAMYAR_ADMINS} ({@code telegram:<userId>,bale:<userId>}). An admin is a
 * messenger user, not necessarily a member; their private chat has the same id as the user.
 */
@Component
public class Admins {

    private static final Logger log = LoggerFactory.getLogger(Admins.class);

    /** One admin account. */
    public record Admin(Platform platform, long userId) {
        public ChatRef chat() {
            return new ChatRef(platform, userId);
        }
    }

    private final Set<Admin> admins;

    public Admins(HamyarProperties properties) {
        this.admins = parse(properties.admins());
    }

    static Set<Admin> parse(String spec) {
        Set<Admin> result = new LinkedHashSet<>();
        if (spec == null || spec.isBlank()) {
            return result;
        }
        for (String part : spec.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            try {
                Platform platform = Platform.valueOf(p.substring(0, colon).strip().toUpperCase(Locale.ROOT));
                result.add(new Admin(platform, Long.parseLong(p.substring(colon + 1).strip())));
            } catch (RuntimeException e) {
                log.warn("Ignoring a malformed entry in HAMYAR_ADMINS (expected telegram:<userId> or bale:<userId>)");
            }
        }
        return result;
    }

    public boolean isAdmin(Platform platform, long userId) {
        return admins.contains(new Admin(platform, userId));
    }

    public List<Admin> all() {
        return new ArrayList<>(admins);
    }
}

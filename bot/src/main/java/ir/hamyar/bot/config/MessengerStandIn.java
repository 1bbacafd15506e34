package ir.hamyar.bot.config;

import java.util.List;

/**
 * What stands in for the messengers when no token is configured: the sandbox's in-process fake Bot API. It is
 * asked for its endpoints only in that case.
 */
public interface MessengerStandIn {

    /** @throws IllegalStateException when the stand-in was not started (a token is configured) */
    List<MessengerEndpoints.Endpoint> endpoints();
}

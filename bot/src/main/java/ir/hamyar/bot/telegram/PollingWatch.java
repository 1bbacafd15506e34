package ir.hamyar.bot.telegram;

import ir.hamyar.domain.shared.Platform;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs long-polling trouble in our own words. The library's own log lines for a failed getUpdates carry the
 * whole exception chain, whose messages may quote what the API sent (message texts), so its logger is off
 * (application.yml) and this interceptor on the polling HTTP client says what happened instead: the platform,
 * the HTTP status or the failure's type, never the URL (it holds the token). One line when polling starts
 * failing, one a minute while it keeps failing, one when it works again.
 */
final class PollingWatch implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(PollingWatch.class);
    private static final long REPEAT_NANOS = 60_000_000_000L;

    /** The first path segment of a call, {@code bot<token>}, tells whose call it is. */
    private final Map<String, Platform> bySegment = new ConcurrentHashMap<>();
    private final Map<Platform, Trouble> troubles = new ConcurrentHashMap<>();

    private static final class Trouble {
        long failures;
        long lastLogged;
    }

    void watch(String token, Platform platform) {
        bySegment.put("bot" + token, platform);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Platform platform = bySegment.get(chain.request().url().pathSegments().get(0));
        if (platform == null) {
            return chain.proceed(chain.request());
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!chain.call().isCanceled()) { // cancelled: we are stopping
                failed(platform, e.getClass().getSimpleName());
            }
            throw e;
        }
        if (response.isSuccessful()) {
            recovered(platform);
        } else {
            failed(platform, "HTTP " + response.code());
        }
        return response;
    }

    private void failed(Platform platform, String reason) {
        Trouble t = troubles.computeIfAbsent(platform, p -> new Trouble());
        synchronized (t) {
            t.failures++;
            long now = System.nanoTime();
            if (t.failures == 1 || now - t.lastLogged >= REPEAT_NANOS) {
                t.lastLogged = now;
                log.warn("{} long polling failed ({}), {} time(s) in a row; retrying with back-off",
                        platform, reason, t.failures);
            }
        }
    }

    private void recovered(Platform platform) {
        Trouble t = troubles.remove(platform);
        if (t != null) {
            log.info("{} long polling works again after {} failure(s)", platform, t.failures);
        }
    }
}

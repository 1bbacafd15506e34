package ir.hamyar.bot.fakeapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Pushes a bot's updates to its webhook one at a time, in order, retrying each until it gets a 2xx. */
final class WebhookPusher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WebhookPusher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final UpdateQueue queue;
    private final UpdateQueue.WebhookConfig config;
    private final HttpClient http;
    private final Consumer<WebhookAttempt> attempts;

    WebhookPusher(UpdateQueue queue, UpdateQueue.WebhookConfig config, HttpClient http,
                  Consumer<WebhookAttempt> attempts) {
        this.queue = queue;
        this.config = config;
        this.http = http;
        this.attempts = attempts;
    }

    @Override
    public void run() {
        try {
            long backoffMillis = 50;
            while (true) {
                UpdateQueue.Pending head = queue.awaitHead(config);
                if (head == null) {
                    return;
                }
                int status = post(head);
                attempts.accept(new WebhookAttempt(head.updateId(), status, Instant.now()));
                if (status >= 200 && status < 300) {
                    queue.delivered(head);
                    backoffMillis = 50;
                } else {
                    Thread.sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int post(UpdateQueue.Pending update) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(update.json())));
            if (config.secret() != null) {
                request.header("X-Telegram-Bot-Api-Secret-Token", config.secret());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.debug("webhook delivery of update {} failed: {}", update.updateId(), e.getClass().getSimpleName());
            return 0;
        }
    }
}

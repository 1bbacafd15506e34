package ir.hamyar.bot.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the least a bot can do on the same TelegramBots client against the same fake server. It echoes
 * every text at once from a fixed pool of sending threads (as many as Hamyar's sender threads, with as many calls
 * at once per host), with no database, no inbox, no rate limits. Hamyar's throughput is printed as a fraction of this one's.
 */
final class BaselineEchoBot implements AutoCloseable {

    /** Printed once the bot polls: what the benchmark waits for before it injects. */
    static final String READY = "baseline echo bot polling";
    /** Printed when the process is stopped, followed by the number of sends that failed. */
    static final String FAILURES = "baseline send failures: ";

    /**
     * The baseline in a JVM of its own, as the benchmark runs Hamyar: {@code --api-url=... --token=... --threads=...}.
     * Stopped by SIGTERM; it then prints how many sends failed.
     */
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        BaselineEchoBot bot = new BaselineEchoBot(options.get("api-url"), options.get("token"),
                Integer.parseInt(options.get("threads")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(FAILURES + bot.failures());
            System.out.flush();
        }));
        System.out.println(READY);
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until the process is stopped
    }

    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final OkHttpClient http;
    private final ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "baseline-poll"));
    private final ExecutorService senders;
    private final TelegramBotsLongPollingApplication app;
    private final AtomicLong failures = new AtomicLong();

    BaselineEchoBot(String apiUrl, String token, int threads) throws TelegramApiException {
        URI uri = URI.create(apiUrl);
        TelegramUrl url = new TelegramUrl(uri.getScheme(), uri.getHost(), uri.getPort(), false);
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequestsPerHost(Math.max(5, threads));
        dispatcher.setMaxRequests(Math.max(64, 2 * threads));
        // the same client settings as Hamyar's sending client (MessengerBots): calls and idle connections per thread
        http = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofSeconds(30))
                .connectionPool(new okhttp3.ConnectionPool(Math.max(5, threads), 5, java.util.concurrent.TimeUnit.MINUTES))
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(mapper, http, token, url);
        senders = Executors.newFixedThreadPool(threads, r -> daemon(r, "baseline-send"));
        app = new TelegramBotsLongPollingApplication(() -> mapper, () -> http, () -> polling, ExponentialBackOff::new);
        app.registerBot(token, () -> url, last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(2).build(),
                (List<Update> updates) -> {
                    for (Update u : updates) {
                        if (u.hasMessage() && u.getMessage().hasText()) {
                            senders.execute(() -> echo(client, u));
                        }
                    }
                });
    }

    private void echo(OkHttpTelegramClient client, Update u) {
        try {
            client.execute(SendMessage.builder().chatId(u.getMessage().getChatId()).text(u.getMessage().getText()).build());
        } catch (TelegramApiException | RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    long failures() {
        return failures.get();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws Exception {
        app.close();
        http.dispatcher().cancelAll();
        polling.shutdownNow();
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

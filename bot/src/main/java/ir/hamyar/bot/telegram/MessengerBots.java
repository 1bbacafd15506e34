package ir.hamyar.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.runtime.BotCommands;
import ir.hamyar.bot.runtime.BotDirectory;
import ir.hamyar.bot.runtime.InboundReceiver;
import ir.hamyar.bot.runtime.MessengerClients;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.Texts;
import ir.hamyar.bot.runtime.outbound.OutboundProperties;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the configured bots (Telegram and Bale at once, each optional): a client for sending, the bot's
 * identity and commands, then long polling or the webhook. Stops them cleanly: the library's polling executor
 * is ours (daemon threads, shut down here) and in-flight long polls are cancelled, so the JVM can exit.
 *
 * <p>A bot whose API cannot be reached when the application starts (Telegram blocked or down: long polling's
 * deleteWebhook or the webhook's setWebhook fails) does not stop the application: the other bot, the workers and
 * the outbox go on, and that bot's start is tried again in the background after
 * {@code hamyar.receive-retry}, doubling up to {@value #MAX_RETRY_MINUTES} minutes. Failing the whole start made
 * every restart fail while Telegram was unreachable, taking Bale users down with it.
 */
@Component
class MessengerBots implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessengerBots.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final int MAX_RETRY_MINUTES = 5;
    /** Updates asked for per getUpdates call (the Bot API's maximum). */
    static final int POLL_LIMIT = 100;

    private final MessengerEndpoints endpoints;
    private final HamyarProperties properties;
    private final InboundReceiver receiver;
    private final MessengerClients clients;
    private final BotDirectory directory;
    private final BotCommands commandTexts;
    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private final Map<Platform, TelegramClient> telegramClients = new ConcurrentHashMap<>();
    private OkHttpClient pollingHttp;
    private OkHttpClient sendingHttp;
    private final OutboundProperties outbound;
    private TelegramBotsLongPollingApplication polling;
    /** Later attempts to start a bot whose API was unreachable; created with the first such failure. */
    private ScheduledExecutorService retries;
    private volatile boolean running;

    MessengerBots(MessengerEndpoints endpoints, HamyarProperties properties, InboundReceiver receiver,
                  MessengerClients clients, BotDirectory directory, BotCommands commandTexts,
                  OutboundProperties outbound) {
        this.outbound = outbound;
        this.endpoints = endpoints;
        this.properties = properties;
        this.receiver = receiver;
        this.clients = clients;
        this.directory = directory;
        this.commandTexts = commandTexts;
    }

    @Override
    public void start() {
        Duration poll = properties.pollTimeout();
        PollingWatch watch = new PollingWatch();
        endpoints.endpoints().forEach(e -> watch.watch(e.token(), e.platform()));
        pollingHttp = new OkHttpClient.Builder().addInterceptor(watch)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(poll.plusSeconds(15))
                .writeTimeout(Duration.ofSeconds(30)).build();
        // No silent retries of a POST by OkHttp: the gateway decides about retries (and counts them).
        // TelegramBots sends through OkHttp's dispatcher, which by default lets 5 calls per host run at once: fewer
        // than the outbox's sender threads, so they would queue there. One call per sender thread instead.
        int perHost = Math.max(5, outbound.senderThreads());
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(perHost);
        dispatcher.setMaxRequests(Math.max(64, 2 * outbound.senderThreads()));
        // OkHttp's default pool keeps 5 idle connections: with more calls than that at once, the connections beyond
        // 5 were closed as soon as they fell idle and opened again for the next calls (a TLS handshake each with
        // the real messenger). Keep one per sender thread.
        sendingHttp = new OkHttpClient.Builder().dispatcher(dispatcher).retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(perHost, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(60)).build();
        boolean webhook = properties.webhook().enabled();
        if (webhook && !properties.webhook().secret().matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalStateException("HAMYAR_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ or -");
        }
        if (!webhook) {
            polling = new TelegramBotsLongPollingApplication(() -> mapper, () -> pollingHttp, this::newExecutor,
                    ExponentialBackOff::new);
        }
        running = true;
        for (MessengerEndpoints.Endpoint e : endpoints.endpoints()) {
            TelegramUrl url = telegramUrl(e.apiUrl());
            TelegramClient client = new OkHttpTelegramClient(mapper, sendingHttp, e.token(), url);
            telegramClients.put(e.platform(), client);
            clients.register(new TelegramMessengerClient(e.platform(), client));
            startBot(e, client, properties.receiveRetry());
        }
        clients.registrationComplete();
    }

    /**
     * The bot's identity and commands, then its receiving. When receiving cannot start, tries again after
     * {@code retryAfter} (then twice as long, up to the maximum) on a thread of its own.
     */
    private synchronized void startBot(MessengerEndpoints.Endpoint e, TelegramClient client, Duration retryAfter) {
        if (!running) {
            return;
        }
        identify(e.platform(), client);
        registerCommands(e.platform(), client);
        TelegramUrl url = telegramUrl(e.apiUrl());
        boolean webhook = properties.webhook().enabled();
        try {
            if (webhook) {
                setWebhook(e, client);
            } else {
                int timeout = (int) properties.pollTimeout().toSeconds();
                polling.registerBot(e.token(), () -> url,
                        last -> GetUpdates.builder().offset(last + 1).limit(POLL_LIMIT).timeout(timeout)
                                .allowedUpdates(ALLOWED_UPDATES).build(),
                        new PollingConsumer(e.platform(), receiver, POLL_LIMIT, properties.pollLinger()));
            }
        } catch (TelegramApiException | RuntimeException ex) {
            if (!webhook) {
                forgetSession(e);
            }
            log.warn("{} bot could not start {} ({}); trying again in {} s", e.platform(),
                    webhook ? "its webhook" : "long polling", BotApiProbe.kind(ex),
                    String.format(Locale.ROOT, "%.1f", retryAfter.toMillis() / 1000d));
            Duration next = retryAfter.multipliedBy(2);
            Duration longest = Duration.ofMinutes(MAX_RETRY_MINUTES);
            retryLater(() -> startBot(e, client, next.compareTo(longest) > 0 ? longest : next), retryAfter);
            return;
        }
        log.info("{} bot started ({}) at {}", e.platform(), webhook ? "webhook" : "long polling",
                url.getSchema() + "://" + url.getHost() + ":" + url.getPort());
    }

    /** The library keeps a session registered even when its start failed; a later attempt needs it gone. */
    private void forgetSession(MessengerEndpoints.Endpoint e) {
        try {
            polling.unregisterBot(e.token());
        } catch (TelegramApiException | RuntimeException ignored) {
            // not registered: nothing to forget
        }
    }

    private void retryLater(Runnable attempt, Duration after) {
        if (retries == null) {
            retries = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hamyar-bot-start-retry");
                t.setDaemon(true);
                return t;
            });
        }
        retries.schedule(attempt, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ScheduledExecutorService newExecutor() {
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamyar-polling-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executors.add(ex);
        return ex;
    }

    private void identify(Platform platform, TelegramClient client) {
        try {
            String username = client.execute(new GetMe()).getUserName();
            directory.register(platform, username);
        } catch (TelegramApiException | RuntimeException ex) {
            log.warn("{} getMe failed ({}); the bot's username is unknown for now", platform, ex.getClass().getSimpleName());
        }
    }

    private void registerCommands(Platform platform, TelegramClient client) {
        try {
            client.execute(SetMyCommands.builder().commands(commands(commandTexts.descriptions(Texts.FA))).build());
            client.execute(SetMyCommands.builder().commands(commands(commandTexts.descriptions(Texts.EN))).languageCode("en").build());
        } catch (TelegramApiException | RuntimeException ex) {
            log.warn("{} setMyCommands failed: {}", platform, ex.getClass().getSimpleName());
        }
    }

    private static List<BotCommand> commands(Map<String, String> descriptions) {
        return descriptions.entrySet().stream().map(c -> new BotCommand(c.getKey(), c.getValue())).toList();
    }

    private void setWebhook(MessengerEndpoints.Endpoint e, TelegramClient client) throws TelegramApiException {
        String base = properties.webhook().baseUrl().replaceAll("/+$", "");
        String secret = properties.webhook().secret();
        if (e.platform() == Platform.BALE) {
            // Bale sends no secret header: the secret is part of the path instead.
            client.execute(SetWebhook.builder().url(base + "/webhook/bale/" + secret).build());
        } else {
            client.execute(SetWebhook.builder().url(base + "/webhook/telegram").secretToken(secret).build());
        }
    }

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    TelegramClient client(Platform platform) {
        return telegramClients.get(platform);
    }

    @Override
    public void stop() {
        synchronized (this) { // an attempt to start a bot in progress finishes first; later ones see !running
            running = false;
            if (retries != null) {
                retries.shutdownNow();
            }
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception ex) {
                log.warn("Stopping long polling: {}", ex.getClass().getSimpleName());
            }
        }
        if (pollingHttp != null) {
            pollingHttp.dispatcher().cancelAll(); // the long poll in flight would otherwise hold on for a minute
            pollingHttp.dispatcher().executorService().shutdown();
            pollingHttp.connectionPool().evictAll();
        }
        for (ScheduledExecutorService ex : executors) {
            ex.shutdownNow();
            try {
                ex.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        if (sendingHttp != null) {
            sendingHttp.dispatcher().executorService().shutdown();
            sendingHttp.connectionPool().evictAll();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Receiving starts last and stops first: workers and the sender are up before any update arrives. */
    @Override
    public int getPhase() {
        return ir.hamyar.bot.runtime.outbound.OutboxSender.PHASE + 200;
    }
}

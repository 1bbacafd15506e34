package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Bot API server on the loopback interface, serving {@code /bot<token>/<method>} and
 * {@code /file/bot<token>/<path>} for any number of {@link FakeBot}s. Point a client at it with
 * {@code TelegramUrl("http", "127.0.0.1", port, false)}.
 */
public final class FakeBotApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeBotApi.class);
    private static final int MAX_BODY_BYTES = 60 * 1024 * 1024;

    static {
        // The JDK server writes the response head and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK hold every answer back about 40 ms, which capped the fake near a hundred
        // calls a second (found by the load benchmark). Read once, when the first JDK HTTP server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient webhookClient;
    private final Map<String, FakeBot> bots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private FakeBotApi(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
        this.webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(workers).build();
    }

    /** Starts a server on {@code port} of the loopback interface; 0 picks a free port. */
    public static FakeBotApi start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            // Long polls each hold a thread for up to their timeout: the pool must grow with the callers.
            ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("fake-bot-api-"));
            FakeBotApi api = new FakeBotApi(server, workers);
            server.createContext("/", api::handle);
            server.setExecutor(workers);
            server.start();
            log.info("Fake Bot API listening on {}", api.baseUrl());
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Bot API on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** For example {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Registers a bot (or returns the one already registered with this token). */
    public FakeBot bot(String token, Flavor flavor, String username) {
        if (token == null || token.isBlank() || token.contains("/")) {
            throw new IllegalArgumentException("a bot token is non-blank and has no '/'");
        }
        FakeBot bot = bots.computeIfAbsent(token, key -> new FakeBot(this, key, flavor, username));
        if (bot.flavor() != flavor) {
            throw new IllegalArgumentException("this token is registered with another flavor");
        }
        return bot;
    }

    /** A Telegram bot named {@code hamyar_test_bot}, or the one already registered with this token. */
    public FakeBot bot(String token) {
        FakeBot existing = bots.get(token);
        return existing != null ? existing : bot(token, Flavor.TELEGRAM, "hamyar_test_bot");
    }

    @Override
    public void close() {
        closed = true;
        bots.values().forEach(FakeBot::close);
        server.stop(0);
        workers.shutdownNow();
    }

    void startWebhookPusher(FakeBot bot, UpdateQueue.WebhookConfig config) {
        if (closed) {
            return;
        }
        Thread pusher = new Thread(new WebhookPusher(bot.updates(), config, webhookClient, bot::recordWebhookAttempt),
                "fake-bot-webhook-" + bot.id());
        pusher.setDaemon(true);
        pusher.start();
    }

    // ---------------------------------------------------------------- HTTP side

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/bot")) {
                serveFile(exchange, path.substring("/file/bot".length()));
            } else if (path.startsWith("/bot")) {
                serveMethod(exchange, path.substring("/bot".length()));
            } else {
                respond(exchange, 404, Json.error(new ApiException(404, "Not Found")));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something unreadable: nothing to answer, the server carries on
            log.debug("fake Bot API could not answer: {}", e.getClass().getSimpleName());
        }
    }

    private void serveMethod(HttpExchange exchange, String tokenAndMethod) throws IOException {
        int slash = tokenAndMethod.indexOf('/');
        FakeBot bot = slash < 0 ? null : bots.get(tokenAndMethod.substring(0, slash));
        if (bot == null) {
            respond(exchange, 401, Json.error(new ApiException(401, "Unauthorized")));
            return;
        }
        String methodPath = tokenAndMethod.substring(slash + 1);
        String method = methodPath.substring(methodPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        Instant arrival = Instant.now();
        Long chatId = null;
        int status = 500;
        JsonNode answer;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Params params = RequestReader.read(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            chatId = BotMethods.chatIdOrNull(params);
            if (bot.faults().takeDrop(method)) {
                bot.record(new Call(method, chatId, arrival, 0, exchange.getRemoteAddress().getPort()));
                log.debug("fake Bot API drops a {} connection on purpose", method);
                return; // closing the exchange unanswered closes the socket
            }
            Duration delay = bot.faults().delayOf(method);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            bot.faults().throwPlannedFailure(method);
            answer = Json.ok(bot.methods().handle(method, params));
            status = 200;
        } catch (ApiException e) {
            status = e.code();
            answer = Json.error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 502;
            answer = Json.error(new ApiException(502, "Bad Gateway"));
        } catch (RuntimeException e) {
            log.warn("fake Bot API failed on {}: {}", method, e.getClass().getName());
            answer = Json.error(new ApiException(500, "Internal Server Error"));
        }
        bot.record(new Call(method, chatId, arrival, status, exchange.getRemoteAddress().getPort()));
        respond(exchange, status, answer);
    }

    private void serveFile(HttpExchange exchange, String tokenAndPath) throws IOException {
        int slash = tokenAndPath.indexOf('/');
        FakeBot bot = slash < 0 ? null : bots.get(tokenAndPath.substring(0, slash));
        FakeBot.StoredFile file = bot == null ? null : bot.fileAt(tokenAndPath.substring(slash + 1));
        if (file == null) {
            respond(exchange, 404, Json.error(new ApiException(404, "Not Found")));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type",
                file.mimeType() == null ? "application/octet-stream" : file.mimeType());
        byte[] bytes = file.bytes();
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "Request Entity Too Large");
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = Json.bytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

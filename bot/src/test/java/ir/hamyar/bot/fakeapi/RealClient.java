package ir.hamyar.bot.fakeapi;

import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The real TelegramBots 10.2 client pointed at a fake, with the JVM-friendly settings every test needs. */
final class RealClient implements AutoCloseable {

    private final FakeBotApi api;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "test-long-polling");
        thread.setDaemon(true);
        return thread;
    });
    private final TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
            ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> pollers);

    RealClient(FakeBotApi api) {
        this.api = api;
    }

    TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", api.port(), false);
    }

    OkHttpTelegramClient client(String token) {
        return new OkHttpTelegramClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build(), token, url());
    }

    BotSession poll(String token, LongPollingUpdateConsumer consumer) throws TelegramApiException {
        return polling.registerBot(token, this::url,
                lastUpdateId -> GetUpdates.builder().offset(lastUpdateId + 1).limit(100).timeout(1).build(), consumer);
    }

    void stopPolling(String token) throws TelegramApiException {
        polling.unregisterBot(token);
    }

    @Override
    public void close() throws Exception {
        polling.close();
        pollers.shutdownNow();
        pollers.awaitTermination(5, TimeUnit.SECONDS);
    }
}

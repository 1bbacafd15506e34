package ir.hamyar.bot.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A throwaway bot on the real TelegramBots client, so the DSL tests have someone to talk to. */
final class TinyBot implements AutoCloseable {

    private final FakeBotApi api;
    private final String token;
    private final OkHttpTelegramClient client;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tiny-bot-polling");
        thread.setDaemon(true);
        return thread;
    });
    private final TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
            ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> poller);

    TinyBot(FakeBotApi api, String token) throws TelegramApiException {
        this.api = api;
        this.token = token;
        TelegramUrl url = new TelegramUrl("http", "127.0.0.1", api.port(), false);
        this.client = new OkHttpTelegramClient(token, url);
        polling.registerBot(token, () -> url,
                last -> GetUpdates.builder().offset(last + 1).timeout(1).build(), this::handleAll);
    }

    private void handleAll(List<Update> updates) {
        for (Update update : updates) {
            try {
                handle(update);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void handle(Update update) throws Exception {
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            client.execute(EditMessageText.builder().chatId(query.getMessage().getChatId())
                    .messageId(query.getMessage().getMessageId()).text("You said " + query.getData()).build());
            return;
        }
        Message message = update.getMessage();
        if (message == null) {
            return;
        }
        long chat = message.getChatId();
        if (message.hasContact()) {
            boolean own = message.getFrom().getId().equals(message.getContact().getUserId());
            say(chat, "Got phone " + message.getContact().getPhoneNumber() + " own=" + own);
        } else if (message.hasLocation()) {
            say(chat, "Location " + message.getLocation().getLatitude() + "," + message.getLocation().getLongitude());
        } else if (message.hasPhoto()) {
            String fileId = message.getPhoto().get(message.getPhoto().size() - 1).getFileId();
            String path = client.execute(GetFile.builder().fileId(fileId).build()).getFilePath();
            byte[] bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    api.baseUrl() + "/file/bot" + token + "/" + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            say(chat, "Photo of " + bytes.length + " bytes");
        } else if ("/start".equals(message.getText())) {
            client.execute(SendMessage.builder().chatId(chat).text("Welcome " + message.getFrom().getFirstName())
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                            InlineKeyboardButton.builder().text("Yes").callbackData("yes").build(),
                            InlineKeyboardButton.builder().text("No").callbackData("no").build())).build())
                    .build());
            client.execute(SendMessage.builder().chatId(chat).text("Choose")
                    .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(
                            KeyboardButton.builder().text("Share phone").requestContact(true).build(),
                            KeyboardButton.builder().text("Help").build())).build())
                    .build());
        } else if ("Help".equals(message.getText())) {
            say(chat, "Help text");
        } else if ("/ping".equals(message.getText())) {
            say(chat, "pong");
        }
    }

    private void say(long chat, String text) throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(chat).text(text).build());
    }

    @Override
    public void close() throws Exception {
        polling.close();
        poller.shutdownNow();
    }
}

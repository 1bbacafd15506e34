package ir.hamyar.bot.fakeapi;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Updates reach the real TelegramBots long-polling session (or a webhook) the way Telegram delivers them. */
class UpdateDeliveryTests {

    private static final String TOKEN = "4242:delivery-token";

    private FakeBotApi api;
    private FakeBot bot;
    private RealClient real;
    private OkHttpTelegramClient client;
    private FakeUser alice;
    private final List<Update> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = FakeBotApi.start(0);
        bot = api.bot(TOKEN, Flavor.TELEGRAM, "hamyar_bot");
        alice = bot.user(1001, "Alice").languageCode("fa");
        real = new RealClient(api);
        client = real.client(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        real.close();
        api.close();
    }

    @Test
    void longPollingSessionReceivesEveryKindOfInjectedUpdateInOrder() throws Exception {
        FakeGroup office = bot.group(-5005, "دفتر شهرستان");
        real.poll(TOKEN, received::addAll);

        bot.injectText(alice, "/start ref_abc");
        bot.injectContact(alice, "989121234567", alice.id());
        bot.injectLocation(alice, 35.7, 51.4);
        bot.injectPhoto(alice, new byte[]{9, 8, 7}, "عکس");
        bot.injectText(alice, office, "/link 1234");
        bot.injectMyChatMember(office, alice, "kicked");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);
        assertThat(received).extracting(Update::getUpdateId).containsExactly(1, 2, 3, 4, 5, 6);
        Message command = received.get(0).getMessage();
        assertThat(command.getEntities()).singleElement().satisfies(entity -> {
            assertThat(entity.getType()).isEqualTo("bot_command");
            assertThat(entity.getText()).isEqualTo("/start");
        });
        assertThat(command.getFrom().getLanguageCode()).isEqualTo("fa");
        assertThat(command.getChatId()).isEqualTo(1001L);
        assertThat(received.get(1).getMessage().getContact().getUserId()).isEqualTo(1001L);
        assertThat(received.get(2).getMessage().getLocation().getLatitude()).isEqualTo(35.7);
        assertThat(received.get(3).getMessage().getPhoto()).hasSize(2);
        assertThat(received.get(4).getMessage().getChat().isGroupChat()).isTrue();
        assertThat(received.get(4).getMessage().getFrom().getId()).isEqualTo(1001L);
        assertThat(received.get(5).getMyChatMember().getNewChatMember().getStatus()).isEqualTo("kicked");
        assertThat(received.get(5).getMyChatMember().getOldChatMember().getStatus()).isEqualTo("member");
        assertThat(received).extracting(u -> u.hasMessage() ? u.getMessage().getMessageId() : null)
                .startsWith(1, 2, 3, 4);
    }

    @Test
    void redeliveredUpdateReachesARestartedSessionWithTheSameUpdateId() throws Exception {
        real.poll(TOKEN, received::addAll);
        int first = bot.injectText(alice, "یک");
        bot.injectText(alice, "دو");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2 && bot.pendingUpdates() == 0);
        real.stopPolling(TOKEN);
        received.clear();

        bot.redeliver(first);
        real.poll(TOKEN, received::addAll);

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received).singleElement().satisfies(update -> {
            assertThat(update.getUpdateId()).isEqualTo(first);
            assertThat(update.getMessage().getText()).isEqualTo("یک");
        });
    }

    @Test
    void offsetConfirmsEarlierUpdatesAndLimitCutsTheBatch() throws Exception {
        bot.injectText(alice, "a");
        bot.injectText(alice, "b");
        bot.injectText(alice, "c");

        assertThat(client.execute(GetUpdates.builder().limit(2).build())).extracting(Update::getUpdateId)
                .containsExactly(1, 2);
        assertThat(client.execute(GetUpdates.builder().offset(2).build())).extracting(Update::getUpdateId)
                .containsExactly(2, 3);
        assertThat(bot.pendingUpdates()).isEqualTo(2);
        assertThat(client.execute(GetUpdates.builder().offset(-1).build())).extracting(Update::getUpdateId)
                .containsExactly(3);
        assertThat(client.execute(GetUpdates.builder().offset(4).build())).isEmpty();
        assertThat(bot.pendingUpdates()).isZero();
    }

    @Test
    void longPollAnswersAsSoonAsAnUpdateArrives() throws Exception {
        CompletableFuture<java.util.ArrayList<Update>> poll = client.executeAsync(GetUpdates.builder().timeout(30).build());

        bot.injectText(alice, "سلام");

        assertThat(poll.get(10, java.util.concurrent.TimeUnit.SECONDS)).extracting(u -> u.getMessage().getText())
                .containsExactly("سلام");
    }

    @Test
    void newerGetUpdatesTerminatesAWaitingOneWithConflict() throws Exception {
        CompletableFuture<java.util.ArrayList<Update>> older = client.executeAsync(GetUpdates.builder().timeout(20).build());
        Thread.sleep(500);

        client.execute(GetUpdates.builder().timeout(0).build());

        assertThatThrownBy(() -> older.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(409));
    }

    @Test
    void callbackByLabelReachesTheConsumerWithTheButtonsData() throws Exception {
        Message menu = client.execute(SendMessage.builder().chatId(alice.chatId()).text("منو")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("دوره‌ها").callbackData("courses:1").build(),
                        InlineKeyboardButton.builder().text("پروفایل").callbackData("profile").build())).build())
                .build());
        real.poll(TOKEN, received::addAll);

        bot.injectCallbackByLabel(alice, alice.chatId(), menu.getMessageId(), "دوره‌ها");

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received.get(0).getCallbackQuery()).satisfies(query -> {
            assertThat(query.getData()).isEqualTo("courses:1");
            assertThat(query.getFrom().getId()).isEqualTo(alice.id());
            assertThat(query.getMessage().getMessageId()).isEqualTo(menu.getMessageId());
            assertThat(query.getMessage().getChatId()).isEqualTo(alice.chatId());
        });
        assertThat(bot.unansweredCallbackQueries()).containsExactly(received.get(0).getCallbackQuery().getId());
        assertThatThrownBy(() -> bot.injectCallbackByLabel(alice, alice.chatId(), menu.getMessageId(), "ناموجود"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("پروفایل");
    }

    @Test
    void baleContactPhoneArrivesAsJsonNumberAndStillReadsAsText() throws Exception {
        FakeBot bale = api.bot("77:bale", Flavor.BALE, "hamyar_bale_bot");
        FakeUser reza = bale.user(500, "Reza");
        bale.injectContact(reza, "989121234567", 999L);

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/bot77:bale/getUpdates")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.body()).contains("\"phone_number\":989121234567");

        List<Update> updates = real.client("77:bale").execute(GetUpdates.builder().build());
        assertThat(updates.get(0).getMessage().getContact().getPhoneNumber()).isEqualTo("989121234567");
        assertThat(updates.get(0).getMessage().getContact().getUserId()).isEqualTo(999L);
    }

    @Test
    void userPhotoCanBeFetchedWithGetFile() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        bot.injectPhoto(alice, jpeg, null);

        Update update = client.execute(GetUpdates.builder().build()).get(0);
        String fileId = update.getMessage().getPhoto().get(1).getFileId();
        File file = client.execute(GetFile.builder().fileId(fileId).build());

        byte[] downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                api.baseUrl() + "/file/bot" + TOKEN + "/" + file.getFilePath())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(downloaded).isEqualTo(jpeg);
        assertThat(bot.fileUrl(fileId)).endsWith(file.getFilePath());
    }

    @Test
    void rawUpdatesKeepTheirContentAndGetTheNextUpdateId() throws Exception {
        bot.injectText(alice, "a");
        int id = bot.injectRaw("{\"update_id\":999,\"poll_answer\":{\"poll_id\":\"p\"}}");

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/bot" + TOKEN + "/getupdates?offset=2")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(id).isEqualTo(2);
        assertThat(raw.body()).isEqualTo("{\"ok\":true,\"result\":[{\"update_id\":2,\"poll_answer\":{\"poll_id\":\"p\"}}]}");
        assertThatThrownBy(() -> bot.injectRaw("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowedUpdatesFilterWhatGetUpdatesHandsOut() throws Exception {
        Message menu = client.execute(SendMessage.builder().chatId(alice.chatId()).text("منو")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("x").callbackData("x").build())).build()).build());
        bot.injectText(alice, "متن");
        bot.injectCallback(alice, alice.chatId(), menu.getMessageId(), "x");

        List<Update> updates = client.execute(GetUpdates.builder().allowedUpdates(List.of("callback_query")).build());

        assertThat(updates).singleElement().satisfies(update -> assertThat(update.hasCallbackQuery()).isTrue());
    }

    @Test
    void webhookGetsUpdatesInOrderWithTheSecretRetryingUntilAccepted() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> secrets = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
            exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            assertThat(client.execute(SetWebhook.builder().url(url).secretToken("s3cret-_X").build())).isTrue();

            bot.injectText(alice, "یک");
            bot.injectText(alice, "دو");
            bot.injectText(alice, "سه");

            await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 4 && bot.pendingUpdates() == 0);
            assertThat(bodies).extracting(body -> body.replaceAll(".*\"update_id\":(\\d+).*", "$1"))
                    .containsExactly("1", "1", "2", "3");
            assertThat(secrets).containsOnly("s3cret-_X");
            assertThat(bot.webhookAttempts()).extracting(WebhookAttempt::status).containsExactly(500, 200, 200, 200);
            assertThat(client.execute(new GetWebhookInfo()).getUrl()).isEqualTo(url);
            assertThatThrownBy(() -> client.execute(GetUpdates.builder().build()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(409));

            client.execute(new DeleteWebhook());
            bot.injectText(alice, "چهار");
            assertThat(client.execute(GetUpdates.builder().build())).extracting(u -> u.getMessage().getText())
                    .containsExactly("چهار");
            assertThat(bot.webhookUrl()).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }
}

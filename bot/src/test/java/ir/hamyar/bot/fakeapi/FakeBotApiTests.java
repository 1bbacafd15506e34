package ir.hamyar.bot.fakeapi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake answers the real TelegramBots 10.2 client the way Telegram does. */
class FakeBotApiTests {

    private static final String TOKEN = "123456:telegram-test-token";
    private static final long CHAT = 1001;

    private FakeBotApi api;
    private FakeBot bot;
    private RealClient real;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(0);
        bot = api.bot(TOKEN, Flavor.TELEGRAM, "hamyar_bot");
        bot.user(CHAT, "Alice");
        real = new RealClient(api);
        client = real.client(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        real.close();
        api.close();
    }

    @Test
    void getMeAnswersWithTheBotsIdentity() throws Exception {
        User me = client.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(123456L);
        assertThat(me.getUserName()).isEqualTo("hamyar_bot");
        assertThat(me.getIsBot()).isTrue();
    }

    @Test
    void sentMessageShowsItsInlineKeyboardAndParseMode() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(CHAT).text("<b>سلام</b> &amp; خوش آمدید")
                .parseMode(ParseMode.HTML)
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("بله").callbackData("yes:1").build(),
                        InlineKeyboardButton.builder().text("سایت").url("https://example.org").build())).build())
                .build());

        SentMessage stored = bot.lastMessage(CHAT);
        assertThat(stored.messageId()).isEqualTo(sent.getMessageId());
        assertThat(stored.text()).isEqualTo("<b>سلام</b> &amp; خوش آمدید");
        assertThat(stored.plainText()).isEqualTo("سلام & خوش آمدید");
        assertThat(stored.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(stored.inlineKeyboard()).containsExactly(List.of(
                new InlineButton("بله", "yes:1", null), new InlineButton("سایت", null, "https://example.org")));
        assertThat(sent.getChatId()).isEqualTo(CHAT);
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("yes:1");
        assertThat(bot.parseModeSeen()).isTrue();
    }

    @Test
    void replyKeyboardAndItsRemovalAreTracked() throws Exception {
        client.execute(SendMessage.builder().chatId(CHAT).text("شماره؟")
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(
                        KeyboardButton.builder().text("ارسال شماره").requestContact(true).build(),
                        KeyboardButton.builder().text("انصراف").build())).build()).build());

        assertThat(bot.replyKeyboard(CHAT)).containsExactly(List.of(
                new ReplyButton("ارسال شماره", true, false), new ReplyButton("انصراف", false, false)));

        client.execute(SendMessage.builder().chatId(CHAT).text("ممنون")
                .replyMarkup(new org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove(true))
                .build());

        assertThat(bot.replyKeyboard(CHAT)).isEmpty();
        assertThat(bot.lastMessage(CHAT).removeKeyboard()).isTrue();
    }

    @Test
    void editMessageTextChangesTheSameMessage() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(CHAT).text("مرحله ۱")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("بعدی").callbackData("next").build())).build()).build());

        Serializable edited = client.execute(EditMessageText.builder().chatId(CHAT).messageId(sent.getMessageId())
                .text("مرحله ۲").build());

        assertThat(edited).isInstanceOf(Message.class);
        assertThat(((Message) edited).getText()).isEqualTo("مرحله ۲");
        assertThat(bot.messages(CHAT)).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("مرحله ۲");
            assertThat(message.editCount()).isEqualTo(1);
            assertThat(message.inlineKeyboard()).as("an edit without reply_markup drops the keyboard").isEmpty();
        });
    }

    @Test
    void editWithoutAnyChangeIsRefusedAsNotModified() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(CHAT).text("همان").build());

        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(CHAT).messageId(sent.getMessageId())
                .text("همان").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).contains("message is not modified");
                });
    }

    @Test
    void editMessageReplyMarkupReplacesTheKeyboardAndDeleteMarksTheMessage() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(CHAT).text("انتخاب کنید")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("الف").callbackData("a").build())).build()).build());

        client.execute(EditMessageReplyMarkup.builder().chatId(CHAT).messageId(sent.getMessageId())
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("ب").callbackData("b").build())).build()).build());
        assertThat(bot.lastMessage(CHAT).inlineLabels()).containsExactly("ب");

        assertThat(client.execute(DeleteMessage.builder().chatId(CHAT).messageId(sent.getMessageId()).build())).isTrue();
        assertThat(bot.lastMessage(CHAT).deleted()).isTrue();
        assertThatThrownBy(() -> client.execute(DeleteMessage.builder().chatId(CHAT).messageId(sent.getMessageId()).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("message to delete not found"));
    }

    @Test
    void unescapedHtmlIsRefusedLikeTelegramDoes() {
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("a < b").parseMode(ParseMode.HTML).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).contains("can't parse entities");
                });
        assertThat(bot.messages(CHAT)).isEmpty();
    }

    @Test
    void tooLongTextAndTooLongCallbackDataAreRefused() {
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("ا".repeat(4097)).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("message is too long"));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("x")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("x").callbackData("ب".repeat(33)).build())).build()).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("BUTTON_DATA_INVALID"));
    }

    @Test
    void rateLimitFaultCarriesRetryAfterAndIsRecordedAsACall() throws Exception {
        bot.failNext("sendMessage", 1, 429, 7);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("یک").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
        client.execute(SendMessage.builder().chatId(CHAT).text("دو").build());

        assertThat(bot.calls("sendmessage")).extracting(Call::status).containsExactly(429, 200);
        assertThat(bot.calls("sendmessage")).extracting(Call::chatId).containsOnly(CHAT);
        assertThat(bot.messages(CHAT)).extracting(SentMessage::text).containsExactly("دو");
    }

    @Test
    void serverErrorFaultFailsTheGivenNumberOfCalls() throws Exception {
        bot.failNext("sendmessage", 2, 500, null);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("x").build()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(500));
        }
        client.execute(SendMessage.builder().chatId(CHAT).text("x").build());
        assertThat(bot.messages(CHAT)).hasSize(1);
    }

    @Test
    void forbiddenChatAnswers403BlockedByTheUser() throws Exception {
        bot.forbidChat(CHAT);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("سلام").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
                });
        client.execute(SendMessage.builder().chatId(2002L).text("به دیگری").build());

        bot.clearFaults();
        client.execute(SendMessage.builder().chatId(CHAT).text("سلام").build());
        assertThat(bot.messages(CHAT)).hasSize(1);
    }

    @Test
    void droppedConnectionFailsTheCallWithoutAnAnswer() throws Exception {
        bot.dropConnections("sendMessage", 1);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(CHAT).text("x").build()))
                .hasRootCauseInstanceOf(IOException.class);
        client.execute(SendMessage.builder().chatId(CHAT).text("x").build());

        assertThat(bot.calls("sendmessage")).extracting(Call::status).containsExactly(0, 200);
        assertThat(bot.messages(CHAT)).hasSize(1);
    }

    @Test
    void delayedMethodAnswersOnlyAfterTheDelay() throws Exception {
        bot.delay("sendChatAction", Duration.ofMillis(300));

        Instant before = Instant.now();
        client.execute(SendChatAction.builder().chatId(CHAT).action("typing").build());

        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void uploadedDocumentCanBeDownloadedAgain() throws Exception {
        byte[] pdf = "%PDF-1.4 داده‌های من".getBytes(StandardCharsets.UTF_8);

        Message sent = client.execute(SendDocument.builder().chatId(CHAT).caption("اطلاعات شما")
                .document(new InputFile(new ByteArrayInputStream(pdf), "mydata.pdf")).build());

        Attachment attachment = bot.lastMessage(CHAT).attachment();
        assertThat(attachment.kind()).isEqualTo(Attachment.Kind.DOCUMENT);
        assertThat(attachment.fileName()).isEqualTo("mydata.pdf");
        assertThat(bot.lastMessage(CHAT).text()).isEqualTo("اطلاعات شما");
        assertThat(bot.fileBytes(attachment.fileId())).isEqualTo(pdf);
        assertThat(sent.getDocument().getFileId()).isEqualTo(attachment.fileId());

        File file = client.execute(GetFile.builder().fileId(attachment.fileId()).build());
        byte[] downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                api.baseUrl() + "/file/bot" + TOKEN + "/" + file.getFilePath())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(downloaded).isEqualTo(pdf);
    }

    @Test
    void resendingByFileIdReusesTheStoredFile() throws Exception {
        client.execute(SendDocument.builder().chatId(CHAT)
                .document(new InputFile(new ByteArrayInputStream(new byte[]{1, 2, 3}), "a.bin")).build());
        String fileId = bot.lastMessage(CHAT).attachment().fileId();

        client.execute(SendDocument.builder().chatId(2002L).document(new InputFile(fileId)).build());

        assertThat(bot.lastMessage(2002L).attachment().fileId()).isEqualTo(fileId);
        assertThatThrownBy(() -> client.execute(SendDocument.builder().chatId(CHAT)
                .document(new InputFile("no-such-file")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("wrong file identifier"));
    }

    @Test
    void commandsAreStoredPerLanguage() throws Exception {
        client.execute(SetMyCommands.builder().command(new BotCommand("start", "شروع")).build());
        client.execute(SetMyCommands.builder().command(new BotCommand("start", "Start")).languageCode("en").build());

        assertThat(bot.commands()).containsEntry("", List.of(new Command("start", "شروع")))
                .containsEntry("en", List.of(new Command("start", "Start")));
        assertThat(client.execute(GetMyCommands.builder().languageCode("en").build()))
                .extracting(BotCommand::getDescription).containsExactly("Start");
    }

    @Test
    void getChatDescribesKnownChatsOnly() throws Exception {
        ChatFullInfo chat = client.execute(GetChat.builder().chatId(CHAT).build());
        assertThat(chat.getFirstName()).isEqualTo("Alice");
        assertThat(chat.getType()).isEqualTo("private");

        assertThatThrownBy(() -> client.execute(GetChat.builder().chatId(-777L).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("chat not found"));
    }

    @Test
    void callbackQueriesCanBeAnsweredOnce() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(CHAT).text("؟")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("بله").callbackData("yes").build())).build()).build());
        bot.injectCallbackByLabel(bot.user(CHAT, "Alice"), CHAT, sent.getMessageId(), "بله");
        String queryId = bot.unansweredCallbackQueries().get(0);

        client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("ثبت شد").build());

        assertThat(bot.callbackAnswers()).singleElement().satisfies(answer -> {
            assertThat(answer.callbackQueryId()).isEqualTo(queryId);
            assertThat(answer.text()).isEqualTo("ثبت شد");
        });
        assertThat(bot.unansweredCallbackQueries()).isEmpty();
        assertThatThrownBy(() -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void keepRecentBoundsWhatTheBotRemembersForLongRuns() throws Exception {
        bot.keepRecent(3, 4);
        long before = bot.revision();
        int firstUpdate = bot.injectText(bot.user(CHAT, "Alice"), "اول");
        for (int i = 1; i <= 10; i++) {
            client.execute(SendMessage.builder().chatId(CHAT).text("پیام " + i).build());
            bot.injectText(bot.user(CHAT, "Alice"), "متن " + i);
        }

        assertThat(bot.messages(CHAT)).extracting(SentMessage::text).containsExactly("پیام 8", "پیام 9", "پیام 10");
        assertThat(bot.changesSince(CHAT, before)).hasSizeBetween(3, 6)
                .last().extracting(SentMessage::text).isEqualTo("پیام 10");
        assertThat(bot.calls()).hasSize(4).allSatisfy(call -> assertThat(call.method()).isEqualTo("sendmessage"));
        assertThatThrownBy(() -> bot.redeliver(firstUpdate)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bot.keepRecent(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baleBotRecordsParseModeAndAnswersEditsWithTrue() throws Exception {
        FakeBot bale = api.bot("987:bale-token", Flavor.BALE, "hamyar_bale_bot");
        OkHttpTelegramClient baleClient = real.client("987:bale-token");

        Message sent = baleClient.execute(SendMessage.builder().chatId(CHAT).text("سلام").build());
        assertThat(bale.parseModeSeen()).isFalse();

        Serializable edited = baleClient.execute(EditMessageText.builder().chatId(CHAT).messageId(sent.getMessageId())
                .text("<b>سلام</b>").parseMode(ParseMode.HTML).build());

        assertThat(edited).isEqualTo(Boolean.TRUE);
        assertThat(bale.parseModeSeen()).isTrue();
        assertThat(bale.lastMessage(CHAT).text()).isEqualTo("<b>سلام</b>");
        assertThat(bot.parseModeSeen()).as("the Telegram bot is recorded separately").isFalse();
    }

    @Test
    void malformedRequestsGetBotApiErrorsAndTheServerCarriesOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = api.baseUrl() + "/bot" + TOKEN + "/";

        assertThat(post(http, base + "sendMessage", "application/json", "{not json")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"ok\":false", "\"error_code\":400");
        });
        assertThat(post(http, base + "sendMessage", "application/json", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(post(http, base + "sendMessage", "multipart/form-data; boundary=xyz", "garbage").statusCode())
                .isEqualTo(400);
        assertThat(post(http, base + "sendMessage", "application/json", "{\"chat_id\":\"abc\",\"text\":\"x\"}")
                .body()).contains("chat not found");
        assertThat(post(http, base + "sendMessage", "application/json",
                "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":7}}").statusCode()).isEqualTo(400);
        assertThat(post(http, base + "noSuchMethod", "application/json", "{}").statusCode()).isEqualTo(404);
        assertThat(post(http, api.baseUrl() + "/botWRONG/getMe", "application/json", "{}").statusCode()).isEqualTo(401);

        HttpResponse<String> form = post(http, base + "SENDMESSAGE", "application/x-www-form-urlencoded",
                "chat_id=1001&text=%D8%B3%D9%84%D8%A7%D9%85");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(bot.lastMessage(CHAT).text()).isEqualTo("سلام");
        assertThat(client.execute(new GetMe()).getUserName()).isEqualTo("hamyar_bot");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String contentType, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

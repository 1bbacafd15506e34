package ir.hamyar.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.admin.Admins;
import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sandbox API over a real fake Bot API, with the test playing the bot: it reads the injected updates with
 * getUpdates and sends messages with sendMessage, as the real bot would.
 */
class SandboxControllerTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi api;
    private FakeBot telegram;
    private FakeBot bale;
    private SandboxChats chats;
    private MockMvc mvc;
    private final HttpClient http = HttpClient.newHttpClient();
    private long offset;

    @BeforeEach
    void setUp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(SandboxConfiguration.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_sandbox_bot");
        bale = api.bot(SandboxConfiguration.BALE_TOKEN, Flavor.BALE, "hamyar_sandbox_bale_bot");
        chats = new SandboxChats(telegram, bale);
        chats.start();
        Admins admins = new Admins(new HamyarProperties(new HamyarProperties.Bot("", ""),
                new HamyarProperties.Bot("", ""), new HamyarProperties.Webhook("", ""), "telegram:1001",
                Duration.ofSeconds(50), Duration.ofSeconds(5), Duration.ofMillis(10)));
        mvc = MockMvcBuilders.standaloneSetup(new SandboxController(chats, admins))
                .setControllerAdvice(new SandboxErrors())
                .build();
    }

    @AfterEach
    void tearDown() {
        chats.stop();
        api.close();
    }

    // ---------------------------------------------------------------- users

    @Test
    void createsUsersWithTheNextFreeIdAndShowsWhatToPutInHamyarAdmins() throws Exception {
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"Sara\",\"languageCode\":\"fa\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(1001))
                .andExpect(jsonPath("$.firstName").value("Sara"))
                .andExpect(jsonPath("$.admin").value(true))
                .andExpect(jsonPath("$.adminSetting").value("telegram:1001"));
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"Omid\",\"languageCode\":\"en\"}")
                .andExpect(jsonPath("$.id").value(1002))
                .andExpect(jsonPath("$.admin").value(false));
        postJson("/sandbox/api/bale/users", "{\"firstName\":\"Dana\",\"id\":777}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.adminSetting").value("bale:777"));

        assertThat(telegram.users()).extracting(u -> u.id() + ":" + u.firstName() + ":" + u.languageCode())
                .containsExactly("1001:Sara:fa", "1002:Omid:en");
        assertThat(bale.users()).extracting(u -> u.id()).containsExactly(777L);
        mvc.perform(get("/sandbox/api/telegram/users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].firstName").value("Omid"));
    }

    @Test
    void refusesBadUsersWithAJsonErrorAndCreatesNothing() throws Exception {
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("bad_request"));
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"A\",\"languageCode\":\"<script>\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"A\",\"id\":-5}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"A\",\"id\":\"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("at "))));
        postJson("/sandbox/api/telegram/users", "{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"));
        postJson("/sandbox/api/whatsapp/users", "{\"firstName\":\"A\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
        assertThat(telegram.users()).isEmpty();

        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"A\",\"id\":5}").andExpect(status().isCreated());
        postJson("/sandbox/api/telegram/users", "{\"firstName\":\"B\",\"id\":5}")
                .andExpect(status().isConflict());
        assertThat(telegram.users()).singleElement().satisfies(u -> assertThat(u.firstName()).isEqualTo("A"));
    }

    // ---------------------------------------------------------------- text

    @Test
    void injectsTextIntoThePrivateChatAndShowsItInTheConversation() throws Exception {
        createUser("telegram", 1001, "Sara");

        postJson("/sandbox/api/telegram/chats/1001/text", "{\"userId\":1001,\"text\":\"/start\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sent.from").value("user"))
                .andExpect(jsonPath("$.sent.text").value("/start"));

        JsonNode message = single(updates(telegram)).get("message");
        assertThat(message.get("text").asText()).isEqualTo("/start");
        assertThat(message.get("from").get("id").asLong()).isEqualTo(1001);
        assertThat(message.get("chat").get("id").asLong()).isEqualTo(1001);
        assertThat(message.get("entities").get(0).get("type").asText()).isEqualTo("bot_command");

        sendMessage(telegram, 1001, "<b>سلام</b> &amp; خوش آمدید", "HTML", null);
        mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[0].from").value("user"))
                .andExpect(jsonPath("$.messages[0].userName").value("Sara"))
                .andExpect(jsonPath("$.messages[1].from").value("bot"))
                .andExpect(jsonPath("$.messages[1].text").value("<b>سلام</b> &amp; خوش آمدید"))
                .andExpect(jsonPath("$.messages[1].parseMode").value("HTML"))
                .andExpect(jsonPath("$.messages[1].edited").value(false));
    }

    @Test
    void refusesBlankTextsAndOtherPeoplesChatsWithoutInjectingAnything() throws Exception {
        createUser("telegram", 1001, "Sara");
        createUser("telegram", 1002, "Omid");

        postJson("/sandbox/api/telegram/chats/1001/text", "{\"userId\":1001,\"text\":\"   \"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/1001/text", "{\"userId\":1002,\"text\":\"hi\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/1001/text", "{\"userId\":4242,\"text\":\"hi\"}")
                .andExpect(status().isNotFound());
        postJson("/sandbox/api/telegram/chats/1001/text", "{\"text\":\"hi\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/1001/text", "{\"userId\":1001,\"text\":\"" + "x".repeat(4097) + "\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/-55/text", "{\"userId\":1001,\"text\":\"hi\"}")
                .andExpect(status().isNotFound());

        assertThat(telegram.pendingUpdates()).isZero();
        mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andExpect(jsonPath("$.messages.length()").value(0));
    }

    // ---------------------------------------------------------------- keyboards

    @Test
    void tapsAnInlineButtonOfABotMessageAndShowsTheBotsAnswer() throws Exception {
        createUser("telegram", 1001, "Sara");
        int messageId = sendMessage(telegram, 1001, "Accept the terms?", null,
                "{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"terms:yes\"},"
                        + "{\"text\":\"Site\",\"url\":\"https://example.org\"}]]}");
        mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andExpect(jsonPath("$.messages[0].messageId").value(messageId))
                .andExpect(jsonPath("$.messages[0].inlineKeyboard[0][0].label").value("Yes"))
                .andExpect(jsonPath("$.messages[0].inlineKeyboard[0][0].data").value("terms:yes"))
                .andExpect(jsonPath("$.messages[0].inlineKeyboard[0][1].url").value("https://example.org"));

        CompletableFuture<MvcResult> tap = CompletableFuture.supplyAsync(() -> perform(
                postJsonRequest("/sandbox/api/telegram/chats/1001/tap",
                        "{\"userId\":1001,\"messageId\":" + messageId + ",\"data\":\"terms:yes\"}")));
        JsonNode query = single(awaitUpdates(telegram)).get("callback_query");
        assertThat(query.get("data").asText()).isEqualTo("terms:yes");
        assertThat(query.get("from").get("id").asLong()).isEqualTo(1001);
        assertThat(query.get("message").get("message_id").asInt()).isEqualTo(messageId);
        botCall(telegram, "answerCallbackQuery", "callback_query_id=" + query.get("id").asText() + "&text=Done");

        JsonNode answer = JSON.readTree(tap.get(10, TimeUnit.SECONDS).getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("answer").get("text").asText()).isEqualTo("Done");
    }

    @Test
    void refusesTapsOnMissingMessagesAndOverlongData() throws Exception {
        createUser("telegram", 1001, "Sara");
        int messageId = sendMessage(telegram, 1001, "Pick", null,
                "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}");

        postJson("/sandbox/api/telegram/chats/1001/tap", "{\"userId\":1001,\"messageId\":999,\"data\":\"a\"}")
                .andExpect(status().isNotFound());
        postJson("/sandbox/api/telegram/chats/1001/tap",
                "{\"userId\":1001,\"messageId\":" + messageId + ",\"data\":\"" + "x".repeat(65) + "\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/1001/tap", "{\"userId\":1001,\"data\":\"a\"}")
                .andExpect(status().isBadRequest());
        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void showsTheCurrentReplyKeyboardWithItsContactAndLocationRequests() throws Exception {
        createUser("bale", 1001, "Dana");
        sendMessage(bale, 1001, "Share your number", null,
                "{\"keyboard\":[[{\"text\":\"My number\",\"request_contact\":true}],"
                        + "[{\"text\":\"Where\",\"request_location\":true},\"Back\"]]}");

        mvc.perform(get("/sandbox/api/bale/chats/1001/messages"))
                .andExpect(jsonPath("$.replyKeyboard[0][0].label").value("My number"))
                .andExpect(jsonPath("$.replyKeyboard[0][0].requestContact").value(true))
                .andExpect(jsonPath("$.replyKeyboard[1][0].requestLocation").value(true))
                .andExpect(jsonPath("$.replyKeyboard[1][1].label").value("Back"))
                .andExpect(jsonPath("$.messages[0].parseMode").doesNotExist());
    }

    // ---------------------------------------------------------------- contact, location, photo

    @Test
    void sharesTheOwnNumberRemembersItAndCanShareSomeoneElses() throws Exception {
        createUser("telegram", 1001, "Sara");

        postJson("/sandbox/api/telegram/chats/1001/contact", "{\"userId\":1001,\"phone\":\"+989121234567\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sent.contact.phone").value("+989121234567"));
        postJson("/sandbox/api/telegram/chats/1001/contact",
                "{\"userId\":1001,\"phone\":\"+989127654321\",\"own\":false,\"contactUserId\":999}")
                .andExpect(status().isOk());

        List<JsonNode> updates = updates(telegram);
        assertThat(updates).hasSize(2);
        JsonNode own = updates.get(0).get("message").get("contact");
        assertThat(own.get("phone_number").asText()).isEqualTo("+989121234567");
        assertThat(own.get("user_id").asLong()).isEqualTo(1001);
        JsonNode other = updates.get(1).get("message").get("contact");
        assertThat(other.get("user_id").asLong()).isEqualTo(999);
        mvc.perform(get("/sandbox/api/telegram/users")).andExpect(jsonPath("$[0].phone").value("+989121234567"));

        postJson("/sandbox/api/telegram/chats/1001/contact", "{\"userId\":1001,\"phone\":\"call me\"}")
                .andExpect(status().isBadRequest());
        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void sendsALocationAndRefusesImpossibleCoordinates() throws Exception {
        createUser("telegram", 1001, "Sara");

        postJson("/sandbox/api/telegram/chats/1001/location", "{\"userId\":1001,\"latitude\":35.6892,\"longitude\":51.389}")
                .andExpect(status().isOk());
        JsonNode location = single(updates(telegram)).get("message").get("location");
        assertThat(location.get("latitude").asDouble()).isEqualTo(35.6892);
        assertThat(location.get("longitude").asDouble()).isEqualTo(51.389);

        postJson("/sandbox/api/telegram/chats/1001/location", "{\"userId\":1001,\"latitude\":95,\"longitude\":51}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/chats/1001/location", "{\"userId\":1001,\"latitude\":35}")
                .andExpect(status().isBadRequest());
        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void uploadsAPhotoTheBotCanFetchAndServesFilesTheBotSent() throws Exception {
        createUser("telegram", 1001, "Sara");

        mvc.perform(multipart("/sandbox/api/telegram/chats/1001/photo")
                        .file(new MockMultipartFile("file", "pic.png", "image/png", PNG))
                        .param("userId", "1001").param("caption", "pothole"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sent.caption").value("pothole"))
                .andExpect(jsonPath("$.sent.photoUrl").value(org.hamcrest.Matchers.startsWith(
                        "/sandbox/api/telegram/chats/1001/sent/")));

        JsonNode message = single(updates(telegram)).get("message");
        assertThat(message.get("caption").asText()).isEqualTo("pothole");
        JsonNode sizes = message.get("photo");
        String fileId = sizes.get(sizes.size() - 1).get("file_id").asText();
        assertThat(telegram.fileBytes(fileId)).isEqualTo(PNG);

        // the bot sends the photo back: the page gets its download URL and the bytes behind it
        botCall(telegram, "sendPhoto", "chat_id=1001&photo=" + fileId + "&caption=" + enc("chart"));
        String body = mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andExpect(jsonPath("$.messages[1].attachment.kind").value("photo"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String url = JSON.readTree(body).get("messages").get(1).get("attachment").get("url").asText();
        assertThat(url).isEqualTo("/sandbox/api/telegram/files/" + fileId);
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        String sentUrl = JSON.readTree(body).get("messages").get(0).get("photoUrl").asText();
        mvc.perform(get(sentUrl)).andExpect(status().isOk()).andExpect(content().bytes(PNG));

        mvc.perform(get("/sandbox/api/telegram/files/no-such-file")).andExpect(status().isNotFound());
        mvc.perform(get("/sandbox/api/telegram/files/..%2Fetc")).andExpect(status().isBadRequest());
    }

    @Test
    void servesNonImageFilesAsDownloadsOnly() throws Exception {
        createUser("telegram", 1001, "Sara");
        mvc.perform(multipart("/sandbox/api/telegram/chats/1001/photo")
                .file(new MockMultipartFile("file", "p.png", "image/png", PNG)).param("userId", "1001"));
        JsonNode sizes = single(updates(telegram)).get("message").get("photo");
        String fileId = sizes.get(0).get("file_id").asText();

        mvc.perform(get("/sandbox/api/telegram/files/" + fileId))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
    }

    @Test
    void refusesUploadsThatAreNotImages() throws Exception {
        createUser("telegram", 1001, "Sara");

        mvc.perform(multipart("/sandbox/api/telegram/chats/1001/photo")
                        .file(new MockMultipartFile("file", "x.png", "image/png", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .param("userId", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"));
        mvc.perform(multipart("/sandbox/api/telegram/chats/1001/photo").param("userId", "1001"))
                .andExpect(status().isBadRequest());
        assertThat(telegram.pendingUpdates()).isZero();
    }

    // ---------------------------------------------------------------- groups

    @Test
    void createsAGroupWithTheBotAndTalksThereUntilTheBotIsRemoved() throws Exception {
        createUser("telegram", 1001, "Sara");

        postJson("/sandbox/api/telegram/groups", "{\"title\":\"Tehran office\",\"addedBy\":1001}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(-1001))
                .andExpect(jsonPath("$.botStatus").value("member"));
        JsonNode added = single(updates(telegram)).get("my_chat_member");
        assertThat(added.get("chat").get("id").asLong()).isEqualTo(-1001);
        assertThat(added.get("new_chat_member").get("status").asText()).isEqualTo("member");

        postJson("/sandbox/api/telegram/chats/-1001/text", "{\"userId\":1001,\"text\":\"/report\"}")
                .andExpect(status().isOk());
        JsonNode inGroup = single(updates(telegram)).get("message");
        assertThat(inGroup.get("chat").get("id").asLong()).isEqualTo(-1001);
        assertThat(inGroup.get("chat").get("type").asText()).isEqualTo("group");

        postJson("/sandbox/api/telegram/groups/-1001/bot", "{\"userId\":1001,\"status\":\"left\"}")
                .andExpect(jsonPath("$.botStatus").value("left"));
        assertThat(single(updates(telegram)).get("my_chat_member").get("new_chat_member").get("status").asText())
                .isEqualTo("left");
        postJson("/sandbox/api/telegram/chats/-1001/text", "{\"userId\":1001,\"text\":\"anyone?\"}")
                .andExpect(jsonPath("$.sent.delivered").value(false));
        assertThat(telegram.pendingUpdates()).isZero();

        postJson("/sandbox/api/telegram/groups/-1001/bot", "{\"userId\":1001,\"status\":\"owner\"}")
                .andExpect(status().isBadRequest());
        mvc.perform(get("/sandbox/api/telegram/chats").param("userId", "1001"))
                .andExpect(jsonPath("$[0].type").value("private"))
                .andExpect(jsonPath("$[0].id").value(1001))
                .andExpect(jsonPath("$[1].type").value("group"))
                .andExpect(jsonPath("$[1].title").value("Tehran office"));
    }

    @Test
    void refusesContactsLocationsAndPhotosInGroups() throws Exception {
        createUser("telegram", 1001, "Sara");
        postJson("/sandbox/api/telegram/groups", "{\"title\":\"G\"}").andExpect(status().isCreated());

        postJson("/sandbox/api/telegram/chats/-1001/contact", "{\"userId\":1001,\"phone\":\"+989121234567\"}")
                .andExpect(status().isBadRequest());
        postJson("/sandbox/api/telegram/groups", "{\"title\":\"\"}").andExpect(status().isBadRequest());
        assertThat(telegram.pendingUpdates()).isZero();
    }

    // ---------------------------------------------------------------- following a chat

    @Test
    void sinceReturnsOnlyWhatChangedAndMarksEdits() throws Exception {
        createUser("telegram", 1001, "Sara");
        int first = sendMessage(telegram, 1001, "one", null,
                "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}");
        sendMessage(telegram, 1001, "two", null, null);
        JsonNode state = JSON.readTree(mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long revision = state.get("revision").asLong();
        long own = state.get("own").asLong();

        botCall(telegram, "editMessageText", "chat_id=1001&message_id=" + first + "&text=" + enc("one, edited"));

        mvc.perform(get("/sandbox/api/telegram/chats/1001/messages")
                        .param("since", Long.toString(revision)).param("own", Long.toString(own)))
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].messageId").value(first))
                .andExpect(jsonPath("$.messages[0].text").value("one, edited"))
                .andExpect(jsonPath("$.messages[0].edited").value(true));
    }

    @Test
    void aLongPollReturnsAsSoonAsTheBotAnswers() throws Exception {
        createUser("telegram", 1001, "Sara");
        JsonNode state = JSON.readTree(mvc.perform(get("/sandbox/api/telegram/chats/1001/messages"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        CompletableFuture<MvcResult> poll = CompletableFuture.supplyAsync(() -> perform(
                get("/sandbox/api/telegram/chats/1001/messages")
                        .param("since", state.get("revision").asText()).param("own", state.get("own").asText())
                        .param("wait", "20")));
        sendMessage(telegram, 1001, "hello", null, null);

        JsonNode changes = JSON.readTree(poll.get(15, TimeUnit.SECONDS).getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(changes.get("messages")).hasSize(1);
        assertThat(changes.get("messages").get(0).get("text").asText()).isEqualTo("hello");
        mvc.perform(get("/sandbox/api/telegram/chats/1001/messages").param("wait", "99"))
                .andExpect(status().isBadRequest());
    }

    // ---------------------------------------------------------------- helpers

    private void createUser(String platform, long id, String name) throws Exception {
        postJson("/sandbox/api/" + platform + "/users", "{\"id\":" + id + ",\"firstName\":\"" + name + "\"}")
                .andExpect(status().isCreated());
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(postJsonRequest(path, body));
    }

    private static org.springframework.test.web.servlet.RequestBuilder postJsonRequest(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8).content(body);
    }

    private MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode single(List<JsonNode> updates) {
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    /** What the bot would receive now (and confirms it, as the next getUpdates would). */
    private List<JsonNode> updates(FakeBot bot) throws Exception {
        JsonNode result = botCall(bot, "getUpdates", "timeout=0&offset=" + offset);
        List<JsonNode> list = new ArrayList<>();
        result.forEach(list::add);
        if (!list.isEmpty()) {
            offset = list.get(list.size() - 1).get("update_id").asLong() + 1;
            botCall(bot, "getUpdates", "timeout=0&offset=" + offset);
        }
        return list;
    }

    private List<JsonNode> awaitUpdates(FakeBot bot) throws Exception {
        JsonNode result = botCall(bot, "getUpdates", "timeout=10&offset=" + offset);
        List<JsonNode> list = new ArrayList<>();
        result.forEach(list::add);
        if (!list.isEmpty()) {
            offset = list.get(list.size() - 1).get("update_id").asLong() + 1;
        }
        return list;
    }

    private int sendMessage(FakeBot bot, long chatId, String text, String parseMode, String markup) throws Exception {
        StringBuilder form = new StringBuilder("chat_id=" + chatId + "&text=" + enc(text));
        if (parseMode != null) {
            form.append("&parse_mode=").append(parseMode);
        }
        if (markup != null) {
            form.append("&reply_markup=").append(enc(markup));
        }
        return botCall(bot, "sendMessage", form.toString()).get("message_id").asInt();
    }

    private JsonNode botCall(FakeBot bot, String method, String form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/bot" + bot.token() + "/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("ok").asBoolean()).as(response.body()).isTrue();
        return answer.get("result");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package ir.hamyar.bot.scenario;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario DSL, with the test itself playing the bot through the real TelegramBots client. */
class ChatterTests {

    private static final String TOKEN = "31337:dsl-token";

    private FakeBotApi api;
    private FakeBot fake;
    private TinyBot tinyBot;
    private Chatter alice;

    @BeforeEach
    void start() throws Exception {
        api = FakeBotApi.start(0);
        fake = api.bot(TOKEN, Flavor.TELEGRAM, "tiny_bot");
        tinyBot = new TinyBot(api, TOKEN);
        alice = new Chatter(fake, 1001, "Alice");
    }

    @AfterEach
    void stop() throws Exception {
        tinyBot.close();
        api.close();
    }

    @Test
    void aSentCommandIsAnsweredAndRepliesAreReadInOrder() {
        alice.sends("/start");

        assertThat(alice.awaitReply().plainText()).isEqualTo("Welcome Alice");
        assertThat(alice.awaitReply().replyLabels()).containsExactly("Share phone", "Help");
        assertThat(alice.lastReply().plainText()).isEqualTo("Choose");
    }

    @Test
    void tappingAnInlineButtonShowsTheEditAsTheNextReply() {
        alice.sends("/start").awaitReplyContaining("Choose");

        SentMessage edited = alice.taps("Yes").awaitReply();

        assertThat(edited.plainText()).isEqualTo("You said yes");
        assertThat(edited.edited()).isTrue();
        assertThat(fake.messages(alice.chatId()).get(0).plainText()).isEqualTo("You said yes");
        assertThat(fake.unansweredCallbackQueries()).isEmpty();
    }

    @Test
    void tappingAReplyKeyboardLabelSendsItAsText() {
        alice.sends("/start").awaitReplyContaining("Choose");

        assertThat(alice.taps("Help").awaitReply().plainText()).isEqualTo("Help text");
    }

    @Test
    void tappingAMissingButtonFailsWithTheVisibleLabels() {
        alice.sends("/start").awaitReplyContaining("Choose");

        assertThatThrownBy(() -> alice.taps("Maybe"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Yes").hasMessageContaining("Help");
    }

    @Test
    void ownContactAndSomeoneElsesContactAreTold() {
        assertThat(alice.sharesOwnContact("+989121234567").awaitReply().plainText())
                .isEqualTo("Got phone +989121234567 own=true");
        assertThat(alice.sharesContactOf(2002, "989351112233").awaitReply().plainText())
                .isEqualTo("Got phone 989351112233 own=false");
    }

    @Test
    void locationAndPhotoReachTheBot() {
        assertThat(alice.sendsLocation(35.7, 51.4).awaitReply().plainText()).isEqualTo("Location 35.7,51.4");
        assertThat(alice.sendsPhoto(new byte[1234]).awaitReply().plainText()).isEqualTo("Photo of 1234 bytes");
    }

    @Test
    void inAGroupTheReplyComesToTheGroupNotThePrivateChat() {
        FakeGroup office = fake.group(-100500, "دفتر");

        SentMessage reply = alice.inGroup(office).sends("/ping").awaitReply();

        assertThat(reply.chatId()).isEqualTo(office.id());
        assertThat(reply.plainText()).isEqualTo("pong");
        assertThat(fake.messages(alice.chatId())).isEmpty();
    }

    @Test
    void awaitingAReplyThatNeverComesFailsWithWhatTheBotDidSay() {
        alice.sends("/start").awaitReplyContaining("Choose");
        Chatter impatient = alice.withReplyTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.sends("something the bot ignores").awaitReply())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no matching reply");
        assertThatThrownBy(() -> impatient.awaitReplyContaining("Goodbye"))
                .isInstanceOf(AssertionError.class);
    }
}

package ir.hamyar.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdOnlySendMessageTests {

    /** A real-looking answer: the id comes after nested objects and arrays that must be skipped, not searched. */
    private static final String SENT = """
            {"ok":true,"result":{"from":{"id":1,"is_bot":true,"first_name":"Hamyar","message_id":7},
            "chat":{"id":42,"type":"private","first_name":"Sara"},"date":1700000000,"text":"سلام",
            "entities":[{"offset":0,"length":4,"type":"bold"}],
            "reply_markup":{"inline_keyboard":[[{"text":"بله","callback_data":"yes"}]]},"message_id":9876}}""";

    @Test
    void readsTheNewMessagesIdAsTheLibraryDoes() throws Exception {
        SendMessage library = SendMessage.builder().chatId(42L).text("سلام").build();

        assertThat(new IdOnlySendMessage(42, "سلام").deserializeResponse(SENT).getMessageId())
                .isEqualTo(library.deserializeResponse(SENT).getMessageId())
                .isEqualTo(9876);
    }

    @Test
    void anErrorIsReportedByTheLibraryWithItsCodeAndRetryAfter() {
        String tooMany = """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5",\
                "parameters":{"retry_after":5}}""";

        assertThatThrownBy(() -> new IdOnlySendMessage(42, "x").deserializeResponse(tooMany))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(5);
                });
    }

    @Test
    void anAnswerOfAnotherShapeIsLeftToTheLibrary() {
        assertThat(IdOnlySendMessage.messageIdOf("{\"ok\":true,\"result\":true}")).isNull();
        assertThat(IdOnlySendMessage.messageIdOf("{\"ok\":true,\"result\":{\"message_id\":\"12\"}}")).isNull();
        assertThat(IdOnlySendMessage.messageIdOf("{\"result\":{\"message_id\":12}}")).isNull();
        assertThat(IdOnlySendMessage.messageIdOf("not json")).isNull();
        assertThat(IdOnlySendMessage.messageIdOf(null)).isNull();
    }

    @Test
    void theRequestIsTheLibrarysOwn() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SendMessage library = SendMessage.builder().chatId(42L).text("<b>سلام</b>").parseMode("HTML").build();
        SendMessage ours = new IdOnlySendMessage(42, "<b>سلام</b>");
        ours.setParseMode("HTML");

        assertThat(mapper.writeValueAsString(ours)).isEqualTo(mapper.writeValueAsString(library));
        assertThat(ours).isEqualTo(library);
    }
}

package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MessengerClient.SendResult;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedButton;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedKeyboard;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TelegramMessengerClientTests {

    private final TelegramClient api = mock(TelegramClient.class);

    private static final RenderedKeyboard INLINE = new RenderedKeyboard(Keyboard.Kind.INLINE, List.of(
            List.of(new RenderedButton("Yes", "yes:1", null, Button.Request.NONE),
                    new RenderedButton("Site", null, "https://example.org", Button.Request.NONE))));

    private static final RenderedKeyboard REPLY = new RenderedKeyboard(Keyboard.Kind.REPLY, List.of(
            List.of(new RenderedButton("Share my number", null, null, Button.Request.CONTACT)),
            List.of(new RenderedButton("Where am I", null, null, Button.Request.LOCATION),
                    new RenderedButton("Menu", null, null, Button.Request.NONE))));

    private static Message message(int id) {
        Message m = new Message();
        m.setMessageId(id);
        return m;
    }

    private static TelegramApiRequestException apiError(int code, String description, Integer retryAfter) {
        ApiResponse<Object> response = ApiResponse.builder().ok(false).errorCode(code).errorDescription(description)
                .parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter)).build();
        return new TelegramApiRequestException("Error executing query", response);
    }

    private static OutboundMessage text(Platform platform, boolean html, RenderedKeyboard keyboard) {
        return OutboundMessage.sendText(new ChatRef(platform, 4242), "<b>hi</b>", html, keyboard);
    }

    @Test
    void sendsHtmlTextWithAnInlineKeyboardOnTelegram() throws Exception {
        when(api.execute(any(SendMessage.class))).thenReturn(message(77));
        TelegramMessengerClient client = new TelegramMessengerClient(Platform.TELEGRAM, api);

        SendResult result = client.execute(text(Platform.TELEGRAM, true, INLINE));

        assertThat(result).isEqualTo(new SendResult.Ok(77L));
        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getChatId()).isEqualTo("4242");
        assertThat(sent.getValue().getText()).isEqualTo("<b>hi</b>");
        assertThat(sent.getValue().getParseMode()).isEqualTo("HTML");
        InlineKeyboardMarkup markup = (InlineKeyboardMarkup) sent.getValue().getReplyMarkup();
        List<InlineKeyboardButton> row = markup.getKeyboard().get(0);
        assertThat(row).extracting(InlineKeyboardButton::getText).containsExactly("Yes", "Site");
        assertThat(row.get(0).getCallbackData()).isEqualTo("yes:1");
        assertThat(row.get(0).getUrl()).isNull();
        assertThat(row.get(1).getUrl()).isEqualTo("https://example.org");
        assertThat(row.get(1).getCallbackData()).isNull();
    }

    @Test
    void neverSetsAParseModeOnBale() throws Exception {
        when(api.execute(any(SendMessage.class))).thenReturn(message(5));
        TelegramMessengerClient client = new TelegramMessengerClient(Platform.BALE, api);

        client.execute(text(Platform.BALE, true, null));

        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getParseMode()).isNull();
        assertThat(sent.getValue().getText()).isEqualTo("<b>hi</b>");
        assertThat(sent.getValue().getReplyMarkup()).isNull();
    }

    @Test
    void sendsPlainTextWithoutParseModeOnTelegramWhenNotHtml() throws Exception {
        when(api.execute(any(SendMessage.class))).thenReturn(message(5));

        new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, false, null));

        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getParseMode()).isNull();
    }

    @Test
    void buildsAResizedReplyKeyboardWithContactAndLocationRequests() throws Exception {
        when(api.execute(any(SendMessage.class))).thenReturn(message(5));

        new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, false, REPLY));

        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(api).execute(sent.capture());
        ReplyKeyboardMarkup markup = (ReplyKeyboardMarkup) sent.getValue().getReplyMarkup();
        assertThat(markup.getResizeKeyboard()).isTrue();
        KeyboardButton contact = markup.getKeyboard().get(0).get(0);
        assertThat(contact.getText()).isEqualTo("Share my number");
        assertThat(contact.getRequestContact()).isTrue();
        assertThat(markup.getKeyboard().get(1).get(0).getRequestLocation()).isTrue();
        assertThat(markup.getKeyboard().get(1).get(1).getRequestContact()).isNull();
        assertThat(markup.getKeyboard().get(1).get(1).getRequestLocation()).isNull();
    }

    @Test
    void removesTheReplyKeyboard() throws Exception {
        when(api.execute(any(SendMessage.class))).thenReturn(message(5));

        new TelegramMessengerClient(Platform.TELEGRAM, api)
                .execute(text(Platform.TELEGRAM, false, new RenderedKeyboard(Keyboard.Kind.REMOVE, List.of())));

        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(api).execute(sent.capture());
        assertThat(((ReplyKeyboardRemove) sent.getValue().getReplyMarkup()).getRemoveKeyboard()).isTrue();
    }

    @Test
    void editsTextAndKeyboardAndAcceptsBalesBareTrueAnswer() throws Exception {
        when(api.execute(any(EditMessageText.class))).thenReturn(Boolean.TRUE);
        OutboundMessage edit = new OutboundMessage(OutboundMessage.Op.EDIT_TEXT, Platform.BALE, 4242, "new", false,
                INLINE, 31L, null, null, null, null);

        SendResult result = new TelegramMessengerClient(Platform.BALE, api).execute(edit);

        assertThat(result).isEqualTo(new SendResult.Ok(null));
        ArgumentCaptor<EditMessageText> sent = ArgumentCaptor.forClass(EditMessageText.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getMessageId()).isEqualTo(31);
        assertThat(sent.getValue().getChatId()).isEqualTo("4242");
        assertThat(sent.getValue().getParseMode()).isNull();
        assertThat(sent.getValue().getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("yes:1");
    }

    @Test
    void countsAnEditThatChangesNothingAsDone() throws Exception {
        when(api.execute(any(EditMessageText.class)))
                .thenThrow(apiError(400, "Bad Request: message is not modified", null));
        OutboundMessage edit = new OutboundMessage(OutboundMessage.Op.EDIT_TEXT, Platform.TELEGRAM, 4242, "same", true,
                null, 31L, null, null, null, null);

        assertThat(new TelegramMessengerClient(Platform.TELEGRAM, api).execute(edit)).isEqualTo(new SendResult.Ok(31L));
    }

    @Test
    void answersCallbackQueriesWithTheNotice() throws Exception {
        when(api.execute(any(AnswerCallbackQuery.class))).thenReturn(Boolean.TRUE);
        OutboundMessage answer = new OutboundMessage(OutboundMessage.Op.ANSWER_CALLBACK, Platform.TELEGRAM, 4242,
                "Saved", false, null, null, "cbq-9", null, null, null);

        SendResult result = new TelegramMessengerClient(Platform.TELEGRAM, api).execute(answer);

        assertThat(result).isEqualTo(new SendResult.Ok(null));
        ArgumentCaptor<AnswerCallbackQuery> sent = ArgumentCaptor.forClass(AnswerCallbackQuery.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getCallbackQueryId()).isEqualTo("cbq-9");
        assertThat(sent.getValue().getText()).isEqualTo("Saved");
    }

    @Test
    void sendsAPhotoByFileIdAndADocumentFromBytesWithItsName() throws Exception {
        when(api.execute(any(SendPhoto.class))).thenReturn(message(8));
        when(api.execute(any(SendDocument.class))).thenReturn(message(9));
        TelegramMessengerClient client = new TelegramMessengerClient(Platform.TELEGRAM, api);

        SendResult photo = client.execute(new OutboundMessage(OutboundMessage.Op.SEND_PHOTO, Platform.TELEGRAM, 4242,
                "look", true, INLINE, null, null, "AgACfileid", null, null));
        SendResult document = client.execute(new OutboundMessage(OutboundMessage.Op.SEND_DOCUMENT, Platform.TELEGRAM,
                4242, null, true, null, null, null, null, "mydata.json", new byte[] {1, 2, 3}));

        assertThat(photo).isEqualTo(new SendResult.Ok(8L));
        assertThat(document).isEqualTo(new SendResult.Ok(9L));
        ArgumentCaptor<SendPhoto> sentPhoto = ArgumentCaptor.forClass(SendPhoto.class);
        verify(api).execute(sentPhoto.capture());
        assertThat(sentPhoto.getValue().getPhoto().getAttachName()).isEqualTo("AgACfileid");
        assertThat(sentPhoto.getValue().getPhoto().isNew()).isFalse();
        assertThat(sentPhoto.getValue().getCaption()).isEqualTo("look");
        assertThat(sentPhoto.getValue().getParseMode()).isEqualTo("HTML");
        assertThat(sentPhoto.getValue().getReplyMarkup()).isInstanceOf(InlineKeyboardMarkup.class);
        ArgumentCaptor<SendDocument> sentDocument = ArgumentCaptor.forClass(SendDocument.class);
        verify(api).execute(sentDocument.capture());
        assertThat(sentDocument.getValue().getDocument().isNew()).isTrue();
        assertThat(sentDocument.getValue().getDocument().getMediaName()).isEqualTo("mydata.json");
        assertThat(sentDocument.getValue().getDocument().getNewMediaStream().readAllBytes()).containsExactly(1, 2, 3);
        assertThat(sentDocument.getValue().getParseMode()).as("no caption, no parse mode").isNull();
    }

    @Test
    void deletesAMessage() throws Exception {
        when(api.execute(any(DeleteMessage.class))).thenReturn(Boolean.TRUE);

        SendResult result = new TelegramMessengerClient(Platform.BALE, api).execute(new OutboundMessage(
                OutboundMessage.Op.DELETE, Platform.BALE, -100, null, false, null, 12L, null, null, null, null));

        assertThat(result).isEqualTo(new SendResult.Ok(null));
        ArgumentCaptor<DeleteMessage> sent = ArgumentCaptor.forClass(DeleteMessage.class);
        verify(api).execute(sent.capture());
        assertThat(sent.getValue().getChatId()).isEqualTo("-100");
        assertThat(sent.getValue().getMessageId()).isEqualTo(12);
    }

    @Test
    void mapsTooManyRequestsToRetryAfterTheAskedTime() throws Exception {
        when(api.execute(any(SendMessage.class))).thenThrow(apiError(429, "Too Many Requests: retry after 7", 7));

        assertThat(new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, false, null)))
                .isEqualTo(new SendResult.RetryAfter(7));
    }

    @Test
    void waitsOneSecondWhenA429NamesNoTime() throws Exception {
        when(api.execute(any(SendMessage.class))).thenThrow(apiError(429, "Too Many Requests", null));

        assertThat(new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, false, null)))
                .isEqualTo(new SendResult.RetryAfter(1));
    }

    @Test
    void mapsBlockedKickedMissingAndDeactivatedChatsToUnreachable() throws Exception {
        TelegramMessengerClient client = new TelegramMessengerClient(Platform.TELEGRAM, api);
        for (TelegramApiRequestException error : List.of(
                apiError(403, "Forbidden: bot was blocked by the user", null),
                apiError(403, "Forbidden: bot was kicked from the group chat", null),
                apiError(400, "Bad Request: chat not found", null),
                apiError(400, "Forbidden: user is deactivated", null))) {
            when(api.execute(any(SendMessage.class))).thenThrow(error);

            SendResult result = client.execute(text(Platform.TELEGRAM, false, null));

            assertThat(result).as(error.getApiResponse()).isInstanceOf(SendResult.Unreachable.class);
            assertThat(((SendResult.Unreachable) result).reason()).contains(error.getApiResponse());
        }
    }

    @Test
    void mapsOtherBadRequestsToRejected() throws Exception {
        when(api.execute(any(SendMessage.class)))
                .thenThrow(apiError(400, "Bad Request: can't parse entities: unsupported start tag", null));

        SendResult result = new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, true, null));

        assertThat(result).isEqualTo(new SendResult.Rejected("400 Bad Request: can't parse entities: unsupported start tag"));
    }

    @Test
    void mapsServerErrorsAndTimeoutsToTransient() throws Exception {
        TelegramMessengerClient client = new TelegramMessengerClient(Platform.TELEGRAM, api);
        when(api.execute(any(SendMessage.class))).thenThrow(apiError(502, "Bad Gateway", null));
        assertThat(client.execute(text(Platform.TELEGRAM, false, null)))
                .isEqualTo(new SendResult.Transient("502 Bad Gateway"));

        when(api.execute(any(SendMessage.class))).thenThrow(new TelegramApiException("Unable to execute sendmessage method",
                new SocketTimeoutException("timeout")));
        assertThat(client.execute(text(Platform.TELEGRAM, false, null)))
                .isEqualTo(new SendResult.Transient("SocketTimeoutException"));

        when(api.execute(any(SendMessage.class))).thenThrow(new TelegramApiRequestException(
                "Unable to deserialize response", new com.fasterxml.jackson.core.JsonParseException(null, "<html>")));
        assertThat(client.execute(text(Platform.TELEGRAM, false, null))).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void countsAnOkAnswerOfAnUnexpectedShapeAsDoneRatherThanSendingTwice() throws Exception {
        when(api.execute(any(EditMessageText.class))).thenThrow(new TelegramApiRequestException(
                "Unable to deserialize response", com.fasterxml.jackson.databind.JsonMappingException.from(
                        (com.fasterxml.jackson.core.JsonParser) null, "stub of unexpected shape")));
        OutboundMessage edit = new OutboundMessage(OutboundMessage.Op.EDIT_TEXT, Platform.BALE, 4242, "new", false,
                null, 31L, null, null, null, null);

        assertThat(new TelegramMessengerClient(Platform.BALE, api).execute(edit)).isEqualTo(new SendResult.Ok(null));
    }

    @Test
    void neverReportsTheRequestUrlWhichHoldsTheToken() throws Exception {
        when(api.execute(any(SendMessage.class))).thenThrow(new TelegramApiException("Unable to execute",
                new IOException("failed to connect to https://api.telegram.org/bot123:SECRET/sendmessage")));

        SendResult result = new TelegramMessengerClient(Platform.TELEGRAM, api).execute(text(Platform.TELEGRAM, false, null));

        assertThat(result).isEqualTo(new SendResult.Transient("IOException"));
    }

    @Test
    void rejectsARequestTheLibraryRefusesToBuild() {
        OutboundMessage noText = new OutboundMessage(OutboundMessage.Op.SEND_TEXT, Platform.TELEGRAM, 1, null, false,
                null, null, null, null, null, null);

        assertThat(new TelegramMessengerClient(Platform.TELEGRAM, api).execute(noText))
                .isInstanceOf(SendResult.Rejected.class);
    }
}

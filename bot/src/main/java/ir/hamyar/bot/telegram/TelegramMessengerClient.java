package ir.hamyar.bot.telegram;

import com.fasterxml.jackson.databind.JsonMappingException;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedButton;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedKeyboard;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * A {@link MessengerClient} over the TelegramBots client, for Telegram and for Bale (a Telegram-compatible Bot
 * API at another address). One call, no retries, no rate limiting: it maps the neutral message to the Bot API
 * method and the answer (or failure) to a {@link SendResult}. Logs only the method, the platform and the API's
 * error description, never a text, a token or a phone number.
 */
public class TelegramMessengerClient implements MessengerClient {

    private static final Logger log = LoggerFactory.getLogger(TelegramMessengerClient.class);
    private static final String HTML = "HTML";
    private static final int MAX_REASON = 200;

    private final Platform platform;
    private final TelegramClient client;

    public TelegramMessengerClient(Platform platform, TelegramClient client) {
        this.platform = platform;
        this.client = client;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult execute(OutboundMessage message) {
        try {
            return switch (message.op()) {
                case SEND_TEXT -> sent(client.execute(sendText(message)));
                case EDIT_TEXT -> edited(client.execute(editText(message)));
                case ANSWER_CALLBACK -> {
                    client.execute(answerCallback(message));
                    yield new SendResult.Ok(null);
                }
                case SEND_PHOTO -> sent(client.execute(sendPhoto(message)));
                case SEND_DOCUMENT -> sent(client.execute(sendDocument(message)));
                case DELETE -> {
                    client.execute(delete(message));
                    yield new SendResult.Ok(null);
                }
            };
        } catch (TelegramApiValidationException e) {
            return new SendResult.Rejected(shorten("invalid request: " + e.getMessage()));
        } catch (TelegramApiRequestException e) {
            return failure(message, e);
        } catch (TelegramApiException e) {
            // No answer from the API at all: connection refused, timeout, broken stream.
            return new SendResult.Transient(shorten(describe(e)));
        } catch (RuntimeException e) {
            // e.g. a message the library refuses to build (a required field missing): not worth retrying.
            log.warn("{} {}: request could not be built: {}", platform, message.op(), e.getClass().getName());
            return new SendResult.Rejected(shorten(e.getClass().getSimpleName()));
        }
    }

    SendMessage sendText(OutboundMessage m) {
        SendMessage send = new IdOnlySendMessage(m.chatId(), m.text());
        send.setParseMode(parseMode(m));
        send.setReplyMarkup(markup(m.keyboard()));
        return send;
    }

    EditMessageText editText(OutboundMessage m) {
        EditMessageText edit = EditMessageText.builder().chatId(m.chatId()).messageId(messageId(m)).text(m.text()).build();
        edit.setParseMode(parseMode(m));
        if (m.keyboard() != null && m.keyboard().kind() == ir.hamyar.bot.runtime.Keyboard.Kind.INLINE) {
            edit.setReplyMarkup(inline(m.keyboard()));
        }
        return edit;
    }

    AnswerCallbackQuery answerCallback(OutboundMessage m) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(m.callbackId()).build();
        answer.setText(m.text());
        return answer;
    }

    SendPhoto sendPhoto(OutboundMessage m) {
        InputFile photo = m.content() != null
                ? new InputFile(new ByteArrayInputStream(m.content()), m.fileName() == null ? "photo.jpg" : m.fileName())
                : new InputFile(m.photo());
        SendPhoto send = SendPhoto.builder().chatId(m.chatId()).photo(photo).build();
        send.setCaption(m.text());
        send.setParseMode(m.text() == null ? null : parseMode(m));
        send.setReplyMarkup(markup(m.keyboard()));
        return send;
    }

    SendDocument sendDocument(OutboundMessage m) {
        InputFile file = m.content() != null
                ? new InputFile(new ByteArrayInputStream(m.content()), m.fileName() == null ? "file" : m.fileName())
                : new InputFile(m.photo());
        SendDocument send = SendDocument.builder().chatId(m.chatId()).document(file).build();
        send.setCaption(m.text());
        send.setParseMode(m.text() == null ? null : parseMode(m));
        send.setReplyMarkup(markup(m.keyboard()));
        return send;
    }

    DeleteMessage delete(OutboundMessage m) {
        return DeleteMessage.builder().chatId(m.chatId()).messageId(messageId(m)).build();
    }

    /** Bale has no parse mode: the renderer gave it plain text, which must go as it is. */
    private String parseMode(OutboundMessage m) {
        return m.html() && platform == Platform.TELEGRAM ? HTML : null;
    }

    private static Integer messageId(OutboundMessage m) {
        return m.messageId() == null ? null : Math.toIntExact(m.messageId());
    }

    static ReplyKeyboard markup(RenderedKeyboard keyboard) {
        if (keyboard == null) {
            return null;
        }
        return switch (keyboard.kind()) {
            case INLINE -> inline(keyboard);
            case REPLY -> reply(keyboard);
            case REMOVE -> ReplyKeyboardRemove.builder().removeKeyboard(true).build();
        };
    }

    private static InlineKeyboardMarkup inline(RenderedKeyboard keyboard) {
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramMessengerClient::inlineButton).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton inlineButton(RenderedButton b) {
        InlineKeyboardButton button = InlineKeyboardButton.builder().text(b.label()).build();
        if (b.url() != null) {
            button.setUrl(b.url());
        } else {
            button.setCallbackData(b.callbackData());
        }
        return button;
    }

    private static ReplyKeyboardMarkup reply(RenderedKeyboard keyboard) {
        List<KeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new KeyboardRow(row.stream().map(TelegramMessengerClient::replyButton).toList()))
                .toList();
        return ReplyKeyboardMarkup.builder().keyboard(rows).resizeKeyboard(true).build();
    }

    private static KeyboardButton replyButton(RenderedButton b) {
        KeyboardButton button = KeyboardButton.builder().text(b.label()).build();
        if (b.request() == Button.Request.CONTACT) {
            button.setRequestContact(true);
        } else if (b.request() == Button.Request.LOCATION) {
            button.setRequestLocation(true);
        }
        return button;
    }

    private static SendResult sent(Message message) {
        return new SendResult.Ok(message == null || message.getMessageId() == null ? null
                : message.getMessageId().longValue());
    }

    /** Telegram answers an edit with the message; Bale may answer {@code true} or a stub. All mean done. */
    private static SendResult edited(Serializable answer) {
        return answer instanceof Message message ? sent(message) : new SendResult.Ok(null);
    }

    private SendResult failure(OutboundMessage message, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? "" : e.getApiResponse();
        String lower = description.toLowerCase(Locale.ROOT);
        if (code == 429) {
            ResponseParameters parameters = e.getParameters();
            Integer retryAfter = parameters == null ? null : parameters.getRetryAfter();
            return new SendResult.RetryAfter(retryAfter == null || retryAfter < 1 ? 1 : retryAfter);
        }
        if (code == 403 || (code == 400 && (lower.contains("chat not found") || lower.contains("user is deactivated")))) {
            return new SendResult.Unreachable(shorten(code + " " + description));
        }
        if (code == 400 && lower.contains("message is not modified")) {
            return new SendResult.Ok(message.messageId());
        }
        if (code >= 400 && code < 500) {
            return new SendResult.Rejected(shorten(code + " " + description));
        }
        if (code == 0 && hasCause(e, JsonMappingException.class)) {
            // The API said ok but with a result of an unexpected shape (a Bale stub): the call was done, and
            // repeating it would duplicate the message.
            log.debug("{} {}: unexpected answer shape, counted as done", platform, message.op());
            return new SendResult.Ok(null);
        }
        return new SendResult.Transient(shorten(code == 0 ? describe(e) : code + " " + description));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The failure's kind without its message: I/O messages may quote the URL, and the URL holds the token. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IOException || root != e) {
            return root.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }

    private static String shorten(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON);
    }
}

package ir.hamyar.bot.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.IOException;

/**
 * A sendMessage whose successful answer is read for the one field the outbox keeps, the new message's id.
 * TelegramBots turns the answer into a whole {@link Message} (sender, chat, entities, keyboard) through its
 * builders and reflection: under load that was about a twentieth of the application's CPU, for a message that is
 * dropped at once. Any other answer (an error, or one of an unexpected shape) is read by the library as before,
 * so errors and {@code retry_after} reach the gateway unchanged. The request is the library's own.
 */
final class IdOnlySendMessage extends SendMessage {

    private static final JsonFactory JSON = new JsonFactory();

    IdOnlySendMessage(long chatId, String text) {
        super(String.valueOf(chatId), text);
    }

    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        Integer id = messageIdOf(answer);
        if (id == null) {
            return super.deserializeResponse(answer);
        }
        Message message = new Message();
        message.setMessageId(id);
        return message;
    }

    /** {@code result.message_id} of an answer whose {@code ok} is true; null for anything else. */
    static Integer messageIdOf(String answer) {
        if (answer == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean ok = false;
            Integer id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("ok".equals(field)) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if ("result".equals(field) && value == JsonToken.START_OBJECT) {
                    id = messageIdIn(p);
                } else {
                    p.skipChildren();
                }
            }
            return ok ? id : null;
        } catch (IOException | RuntimeException e) {
            return null; // not what was expected: the library reads it and reports what it is
        }
    }

    /** Reads the object the parser is at to its end; its top-level {@code message_id}, if a whole number. */
    private static Integer messageIdIn(JsonParser p) throws IOException {
        Integer id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("message_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() == JsonParser.NumberType.INT) {
                id = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        return id;
    }
}

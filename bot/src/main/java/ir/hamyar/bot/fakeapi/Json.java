package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** The one Jackson 2 mapper of the fake (Jackson 2 because it is what the TelegramBots client speaks). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("can't parse JSON");
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode ok(JsonNode result) {
        ObjectNode answer = object();
        answer.put("ok", true);
        answer.set("result", result);
        return answer;
    }

    static ObjectNode error(ApiException error) {
        ObjectNode answer = object();
        answer.put("ok", false);
        answer.put("error_code", error.code());
        answer.put("description", error.description());
        if (error.retryAfter() != null) {
            answer.putObject("parameters").put("retry_after", error.retryAfter());
        }
        return answer;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

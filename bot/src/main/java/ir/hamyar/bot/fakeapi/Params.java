package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The parameters of one Bot API call, whatever body carried them: JSON values, or strings from a form or a
 * multipart body (where objects such as {@code reply_markup} arrive as JSON text), plus uploaded files.
 */
final class Params {

    record Upload(String fileName, String contentType, byte[] bytes) {
    }

    private final ObjectNode values;
    private final Map<String, Upload> uploads;

    Params(ObjectNode values, Map<String, Upload> uploads) {
        this.values = values;
        this.uploads = Map.copyOf(uploads);
    }

    boolean has(String name) {
        JsonNode node = values.get(name);
        return node != null && !node.isNull();
    }

    String string(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    String requireString(String name, String missing) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(missing);
        }
        return value;
    }

    /** Compiled once: chat ids are read on every call (String.matches compiles its pattern each time). */
    private static final java.util.regex.Pattern DECIMAL_LONG = java.util.regex.Pattern.compile("-?[0-9]{1,18}");

    Long longValue(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        String text = node.asText().trim();
        // Telegram reads ASCII digits only; Long.parseLong would also accept other scripts' digits.
        if (!DECIMAL_LONG.matcher(text).matches()) {
            throw ApiException.badRequest("invalid " + name + " specified");
        }
        return Long.parseLong(text);
    }

    long requireLong(String name, String missing) {
        Long value = longValue(name);
        if (value == null) {
            throw ApiException.badRequest(missing);
        }
        return value;
    }

    Integer intValue(String name) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw ApiException.badRequest("invalid " + name + " specified");
        }
        return value.intValue();
    }

    boolean bool(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText().trim());
    }

    /** An object parameter: a JSON value as is, or JSON text from a form field. */
    JsonNode json(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.isEmpty()) {
                return null;
            }
            return Json.parse(text);
        }
        return node;
    }

    Upload upload(String partName) {
        return uploads.get(partName);
    }
}

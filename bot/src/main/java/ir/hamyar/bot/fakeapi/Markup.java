package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A parsed {@code reply_markup}: an inline keyboard, a reply keyboard, a removal, or nothing. */
record Markup(JsonNode inlineJson, List<List<InlineButton>> inline, List<List<ReplyButton>> reply, boolean remove) {

    static final Markup NONE = new Markup(null, List.of(), List.of(), false);

    boolean hasInline() {
        return !inline.isEmpty();
    }

    static Markup parse(JsonNode markup) {
        if (markup == null || markup.isNull()) {
            return NONE;
        }
        if (!markup.isObject()) {
            throw invalid();
        }
        if (markup.has("inline_keyboard")) {
            return new Markup(markup, inline(markup.get("inline_keyboard")), List.of(), false);
        }
        if (markup.has("keyboard")) {
            return new Markup(null, List.of(), reply(markup.get("keyboard")), false);
        }
        if (markup.path("remove_keyboard").asBoolean(false)) {
            return new Markup(null, List.of(), List.of(), true);
        }
        if (markup.has("force_reply")) {
            return NONE;
        }
        throw invalid();
    }

    private static List<List<InlineButton>> inline(JsonNode rows) {
        List<List<InlineButton>> result = new ArrayList<>();
        for (JsonNode row : rows(rows)) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                if (!button.isObject() || !button.path("text").isTextual()) {
                    throw ApiException.badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
                }
                String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
                String url = button.hasNonNull("url") ? button.get("url").asText() : null;
                if (data != null && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                    throw ApiException.badRequest("BUTTON_DATA_INVALID");
                }
                if (data == null && url == null && button.size() == 1) {
                    throw ApiException.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }
                buttons.add(new InlineButton(button.get("text").asText(), data, url));
            }
            result.add(buttons);
        }
        return result;
    }

    private static List<List<ReplyButton>> reply(JsonNode rows) {
        List<List<ReplyButton>> result = new ArrayList<>();
        for (JsonNode row : rows(rows)) {
            List<ReplyButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                if (button.isTextual()) {
                    buttons.add(new ReplyButton(button.asText(), false, false));
                } else if (button.isObject() && button.path("text").isTextual()) {
                    buttons.add(new ReplyButton(button.get("text").asText(),
                            button.path("request_contact").asBoolean(false),
                            button.path("request_location").asBoolean(false)));
                } else {
                    throw ApiException.badRequest("can't parse keyboard button: Field \"text\" must be of type String");
                }
            }
            result.add(buttons);
        }
        return result;
    }

    private static JsonNode rows(JsonNode rows) {
        if (rows == null || !rows.isArray()) {
            throw invalid();
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw invalid();
            }
        }
        return rows;
    }

    private static ApiException invalid() {
        return ApiException.badRequest("can't parse reply keyboard markup JSON object");
    }
}

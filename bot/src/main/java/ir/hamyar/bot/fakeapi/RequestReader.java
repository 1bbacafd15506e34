package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a query string and a JSON, urlencoded or multipart body into {@link Params}, as the Bot API accepts all. */
final class RequestReader {

    private RequestReader() {
    }

    static Params read(String rawQuery, String contentType, byte[] body) {
        ObjectNode values = Json.object();
        Map<String, Params.Upload> uploads = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            readForm(rawQuery, values);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return new Params(values, uploads);
        }
        if (type.startsWith("multipart/form-data")) {
            for (Multipart.Part part : Multipart.parse(body, Multipart.boundary(contentType))) {
                if (part.fileName() != null) {
                    uploads.put(part.name(), new Params.Upload(part.fileName(), part.contentType(), part.bytes()));
                } else {
                    values.put(part.name(), part.text());
                }
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            readForm(Json.utf8(body), values);
        } else {
            readJson(body, values);
        }
        return new Params(values, uploads);
    }

    private static void readJson(byte[] body, ObjectNode values) {
        String text = Json.utf8(body).trim();
        if (text.isEmpty()) {
            return;
        }
        JsonNode node = Json.parse(text);
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        values.setAll((ObjectNode) node);
    }

    private static void readForm(String form, ObjectNode values) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.put(name, value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed form body");
            }
        }
    }
}

package ir.hamyar.bot.fakeapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal multipart/form-data reader: the JDK server has none, and bodies here are small and whole in memory. */
final class Multipart {

    record Part(String name, String fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]*)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([a-zA-Z*]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;]*)");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    static String boundary(String contentType) {
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            throw ApiException.badRequest("multipart body without boundary");
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw ApiException.badRequest("malformed multipart body");
        }
        position += delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[]{'-', '-'})) {
                return parts;
            }
            if (!startsWith(body, position, CRLF)) {
                throw ApiException.badRequest("malformed multipart body");
            }
            position += CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, position);
            if (headersEnd < 0) {
                throw ApiException.badRequest("malformed multipart body");
            }
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw ApiException.badRequest("malformed multipart body");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            parts.add(part(headers, content));
            position = contentEnd + nextDelimiter.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String fileName = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher matcher = PARAMETER.matcher(value);
                while (matcher.find()) {
                    String key = matcher.group(1).toLowerCase(Locale.ROOT);
                    String parameter = matcher.group(3) != null ? matcher.group(3) : matcher.group(2).trim();
                    if (key.equals("name")) {
                        name = parameter;
                    } else if (key.equals("filename")) {
                        fileName = parameter;
                    }
                }
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw ApiException.badRequest("multipart part without a name");
        }
        return new Part(name, fileName, contentType, content);
    }

    private static boolean startsWith(byte[] data, int from, byte[] prefix) {
        if (from + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            if (startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }
}

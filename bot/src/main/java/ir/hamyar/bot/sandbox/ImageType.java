package ir.hamyar.bot.sandbox;

import org.springframework.http.MediaType;

import java.util.Set;

/** Recognises the raster image formats a messenger accepts as photos by their first bytes, not by a claimed type. */
final class ImageType {

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private ImageType() {
    }

    /** @return the MIME type, or null when the bytes are not a JPEG, PNG, GIF or WebP image */
    static String of(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    static boolean isImage(MediaType type) {
        return IMAGES.contains(type.getType() + "/" + type.getSubtype());
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes == null || bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}

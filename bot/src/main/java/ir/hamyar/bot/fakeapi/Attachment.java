package ir.hamyar.bot.fakeapi;

/** A photo or document the bot sent; its bytes are at {@link FakeBot#fileBytes(String)}. */
public record Attachment(Kind kind, String fileId, String fileName, String mimeType, int size) {

    public enum Kind { PHOTO, DOCUMENT }
}

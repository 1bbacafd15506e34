package ir.hamyar.domain.shared;

/** The messengers Hamyar runs on; a chat is identified by (platform, chatId), a user by (platform, userId). */
public enum Platform {
    TELEGRAM("T"),
    BALE("B");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    /** One-letter code used in compact keys (chat keys, callback data). */
    public String code() {
        return code;
    }

    public static Platform ofCode(String code) {
        for (Platform p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform code");
    }
}

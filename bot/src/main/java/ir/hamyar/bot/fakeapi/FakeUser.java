package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A messenger user of one fake bot. Their private chat with the bot has the user's id as chat id. */
public final class FakeUser {

    private final long id;
    private volatile String firstName;
    private volatile String lastName;
    private volatile String username;
    private volatile String languageCode;

    FakeUser(long id, String firstName) {
        if (id <= 0) {
            throw new IllegalArgumentException("user ids are positive");
        }
        this.id = id;
        this.firstName = firstName;
    }

    public long id() {
        return id;
    }

    /** The private chat with the bot. */
    public long chatId() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String username() {
        return username;
    }

    public String languageCode() {
        return languageCode;
    }

    public FakeUser firstName(String value) {
        this.firstName = value;
        return this;
    }

    public FakeUser lastName(String value) {
        this.lastName = value;
        return this;
    }

    public FakeUser username(String value) {
        this.username = value;
        return this;
    }

    /** For example {@code "fa"} or {@code "en"}; sent in every update's {@code from}. */
    public FakeUser languageCode(String value) {
        this.languageCode = value;
        return this;
    }

    ObjectNode toJson() {
        ObjectNode user = Json.object();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", firstName);
        if (lastName != null) {
            user.put("last_name", lastName);
        }
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    ObjectNode chatJson() {
        ObjectNode chat = Json.object();
        chat.put("id", id);
        chat.put("type", "private");
        chat.put("first_name", firstName);
        if (lastName != null) {
            chat.put("last_name", lastName);
        }
        if (username != null) {
            chat.put("username", username);
        }
        return chat;
    }

    @Override
    public String toString() {
        return "FakeUser[" + id + "]";
    }
}

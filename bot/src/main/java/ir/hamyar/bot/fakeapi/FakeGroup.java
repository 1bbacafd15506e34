package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A group chat of one fake bot; the bot starts as a member (see {@link FakeBot#injectMyChatMember}). */
public final class FakeGroup {

    private final long id;
    private final String title;
    private volatile String botStatus = "member";

    FakeGroup(long id, String title) {
        if (id >= 0) {
            throw new IllegalArgumentException("group ids are negative");
        }
        this.id = id;
        this.title = title;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The bot's membership: member, administrator, left or kicked. */
    public String botStatus() {
        return botStatus;
    }

    boolean botCanWrite() {
        return botStatus.equals("member") || botStatus.equals("administrator") || botStatus.equals("creator");
    }

    void botStatus(String status) {
        this.botStatus = status;
    }

    ObjectNode chatJson() {
        ObjectNode chat = Json.object();
        chat.put("id", id);
        chat.put("type", "group");
        chat.put("title", title);
        return chat;
    }

    @Override
    public String toString() {
        return "FakeGroup[" + id + "]";
    }
}

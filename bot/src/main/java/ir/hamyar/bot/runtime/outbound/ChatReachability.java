package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.ChatRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Whether the bot can still reach a chat. A chat becomes unreachable when the messenger refuses to deliver to
 * it (the user blocked the bot, the bot was removed from the group, the account is gone); it becomes reachable
 * again when it speaks to the bot. Stored on the chat's {@code conversation} row, so that later features
 * (notifications, broadcasts) can skip such chats.
 */
@Component
public class ChatReachability {

    private static final int MAX_REASON = 200;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public ChatReachability(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ChatReachability(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isUnreachable(ChatRef chat) {
        List<Boolean> rows = jdbc.query("SELECT unreachable_at IS NOT NULL FROM conversation WHERE chat_key = ?",
                (rs, i) -> rs.getBoolean(1), chat.key());
        return !rows.isEmpty() && rows.get(0);
    }

    /** The chat spoke to the bot again (or the bot was added back): deliver to it again. */
    public void markReachable(ChatRef chat) {
        jdbc.update("UPDATE conversation SET unreachable_at = NULL, unreachable_reason = NULL "
                + "WHERE chat_key = ? AND unreachable_at IS NOT NULL", chat.key());
    }

    /**
     * Records that the messenger refused to deliver to this chat. Creates the chat's conversation row when it
     * has none yet (a notification may go to a chat that never spoke in this instance's lifetime).
     *
     * @param reason the messenger's short description; never a message text
     */
    public void markUnreachable(ChatRef chat, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String shortReason = reason == null ? null
                : reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        String update = "UPDATE conversation SET unreachable_at = ?, unreachable_reason = ? WHERE chat_key = ?";
        if (jdbc.update(update, now, shortReason, chat.key()) > 0) {
            return;
        }
        // H2 knows no ON CONFLICT DO UPDATE: insert if missing, and update once more if another writer won.
        int inserted = jdbc.update("INSERT INTO conversation (chat_key, platform, chat_id, chat_type, updated_at, "
                        + "unreachable_at, unreachable_reason) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                chat.key(), chat.platform().name(), chat.chatId(), chat.chatId() < 0 ? "GROUP" : "PRIVATE",
                now, now, shortReason);
        if (inserted == 0) {
            jdbc.update(update, now, shortReason, chat.key());
        }
    }
}

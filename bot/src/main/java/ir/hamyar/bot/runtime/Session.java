package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;

import java.util.Locale;

/**
 * Who is speaking and where, for one update: what a flow or handler needs besides the update itself.
 *
 * @param locale the chat's language (fa by default), used to render every reply to this chat
 */
public record Session(ChatRef chat, ChatType chatType, long userId, String firstName, Locale locale) {

    public Platform platform() {
        return chat.platform();
    }

    public boolean isPrivate() {
        return chatType == ChatType.PRIVATE;
    }
}

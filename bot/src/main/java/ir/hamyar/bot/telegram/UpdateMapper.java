package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.domain.shared.Platform;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Telegram/Bale {@link Update} → neutral {@link Inbound}. Anything we do not handle becomes UNSUPPORTED. */
final class UpdateMapper {

    private static final Set<String> MEMBER_STATUSES = Set.of("member", "administrator", "creator", "restricted");

    private UpdateMapper() {
    }

    static Inbound map(Platform platform, Update u) {
        long id = u.getUpdateId() == null ? 0 : u.getUpdateId();
        if (u.hasMessage()) {
            return message(platform, id, u.getMessage());
        }
        if (u.hasCallbackQuery()) {
            return callback(platform, id, u.getCallbackQuery());
        }
        if (u.getMyChatMember() != null) {
            return membership(platform, id, u.getMyChatMember());
        }
        return unsupported(platform, id, chatOf(u));
    }

    private static Inbound message(Platform platform, long id, Message m) {
        Chat chat = m.getChat();
        User from = m.getFrom();
        Inbound.Contact contact = m.getContact() == null ? null : new Inbound.Contact(
                m.getContact().getPhoneNumber(), m.getContact().getUserId(), m.getContact().getFirstName());
        Inbound.Location location = m.getLocation() == null ? null : new Inbound.Location(
                m.getLocation().getLatitude(), m.getLocation().getLongitude());
        List<String> photos = m.getPhoto() == null || m.getPhoto().isEmpty() ? List.of() : List.of(
                m.getPhoto().stream().max(Comparator.comparing(p -> p.getFileSize() == null ? 0 : p.getFileSize()))
                        .map(PhotoSize::getFileId).orElseThrow());
        String text = m.getText() != null ? m.getText() : m.getCaption();
        if (chat == null) {
            return unsupported(platform, id, null);
        }
        return new Inbound(platform, id, Inbound.Kind.MESSAGE, chat.getId(), chatType(chat), chat.getTitle(),
                from == null ? 0 : from.getId(), from == null ? null : from.getFirstName(),
                from == null ? null : from.getLanguageCode(), m.getMessageId(), text, null, null,
                contact, location, photos, null);
    }

    private static Inbound callback(Platform platform, long id, CallbackQuery q) {
        MaybeInaccessibleMessage m = q.getMessage();
        User from = q.getFrom();
        Chat chat = m == null ? null : m.getChat();
        long chatId = chat != null ? chat.getId() : (from == null ? 0 : from.getId());
        ChatType type = chat != null ? chatType(chat) : ChatType.PRIVATE;
        return new Inbound(platform, id, Inbound.Kind.CALLBACK, chatId, type, chat == null ? null : chat.getTitle(),
                from == null ? 0 : from.getId(), from == null ? null : from.getFirstName(),
                from == null ? null : from.getLanguageCode(), m == null ? null : m.getMessageId(), null,
                q.getData(), q.getId(), null, null, List.of(), null);
    }

    private static Inbound membership(Platform platform, long id, ChatMemberUpdated c) {
        Chat chat = c.getChat();
        User from = c.getFrom();
        String status = c.getNewChatMember() == null ? "left" : c.getNewChatMember().getStatus();
        return new Inbound(platform, id, Inbound.Kind.MEMBERSHIP, chat.getId(), chatType(chat), chat.getTitle(),
                from == null ? 0 : from.getId(), from == null ? null : from.getFirstName(),
                from == null ? null : from.getLanguageCode(), null, null, null, null, null, null, List.of(),
                MEMBER_STATUSES.contains(status));
    }

    private static Chat chatOf(Update u) {
        if (u.getEditedMessage() != null) {
            return u.getEditedMessage().getChat();
        }
        if (u.getChannelPost() != null) {
            return u.getChannelPost().getChat();
        }
        return null;
    }

    private static Inbound unsupported(Platform platform, long id, Chat chat) {
        // Unsupported updates still pass through the inbox (so they are acknowledged once); chat 0 keeps them apart.
        return new Inbound(platform, id, Inbound.Kind.UNSUPPORTED, chat == null ? 0 : chat.getId(),
                chat == null ? ChatType.CHANNEL : chatType(chat), null, 0, null, null, null, null, null, null,
                null, null, List.of(), null);
    }

    static ChatType chatType(Chat chat) {
        String t = chat.getType() == null ? "" : chat.getType().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "private" -> ChatType.PRIVATE;
            case "group" -> ChatType.GROUP;
            case "supergroup" -> ChatType.SUPERGROUP;
            case "channel" -> ChatType.CHANNEL;
            default -> chat.getId() != null && chat.getId() > 0 ? ChatType.PRIVATE : ChatType.GROUP;
        };
    }
}

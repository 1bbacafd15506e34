package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Bot API methods of one fake bot, with Telegram's error answers for bad input. */
final class BotMethods {

    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;

    private final FakeBot bot;

    BotMethods(FakeBot bot) {
        this.bot = bot;
    }

    JsonNode handle(String method, Params p) throws InterruptedException {
        if (p.has("parse_mode")) {
            bot.sawParseMode();
        }
        if (p.has("chat_id") && !method.equals("getchat")) {
            refuseUnreachableChat(chatId(p));
        }
        return switch (method) {
            case "getme" -> bot.meJson();
            case "getupdates" -> getUpdates(p);
            case "setwebhook" -> setWebhook(p);
            case "deletewebhook" -> deleteWebhook(p);
            case "getwebhookinfo" -> webhookInfo();
            case "sendmessage" -> sendMessage(p);
            case "editmessagetext" -> editMessageText(p);
            case "editmessagereplymarkup" -> editMessageReplyMarkup(p);
            case "deletemessage" -> deleteMessage(p);
            case "answercallbackquery" -> answerCallbackQuery(p);
            case "sendphoto" -> sendMedia(p, Attachment.Kind.PHOTO, "photo");
            case "senddocument" -> sendMedia(p, Attachment.Kind.DOCUMENT, "document");
            case "getfile" -> getFile(p);
            case "setmycommands" -> setMyCommands(p);
            case "getmycommands" -> getMyCommands(p);
            case "deletemycommands" -> deleteMyCommands(p);
            case "sendchataction" -> sendChatAction(p);
            case "getchat" -> getChat(p);
            default -> throw new ApiException(404, "Not Found: method not found");
        };
    }

    private void refuseUnreachableChat(long chatId) {
        if (bot.faults().isForbidden(chatId)) {
            throw ApiException.forbidden(chatId > 0 ? "bot was blocked by the user" : "bot was kicked from the group chat");
        }
        FakeGroup group = bot.knownGroup(chatId);
        if (group != null && !group.botCanWrite()) {
            throw ApiException.forbidden(group.botStatus().equals("kicked")
                    ? "bot was kicked from the group chat" : "bot is not a member of the group chat");
        }
    }

    // ---------------------------------------------------------------- updates and webhook

    private JsonNode getUpdates(Params p) throws InterruptedException {
        Long offset = p.longValue("offset");
        Integer limit = p.intValue("limit");
        Integer timeout = p.intValue("timeout");
        int effectiveLimit = limit == null || limit < 1 || limit > 100 ? 100 : limit;
        int effectiveTimeout = timeout == null || timeout < 0 ? 0 : Math.min(timeout, 600);
        return bot.updates().poll(offset == null ? 0 : offset, effectiveLimit, effectiveTimeout,
                allowedUpdates(p));
    }

    private Set<String> allowedUpdates(Params p) {
        JsonNode allowed = p.json("allowed_updates");
        if (allowed == null) {
            return null;
        }
        if (!allowed.isArray()) {
            throw ApiException.badRequest("can't parse allowed updates");
        }
        Set<String> kinds = new LinkedHashSet<>();
        allowed.forEach(kind -> kinds.add(kind.asText()));
        return kinds;
    }

    private JsonNode setWebhook(Params p) {
        String url = p.string("url");
        boolean drop = p.bool("drop_pending_updates");
        if (url == null || url.isBlank()) {
            bot.updates().deleteWebhook(drop);
            return BooleanNode.TRUE;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad webhook: invalid URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw ApiException.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = p.string("secret_token");
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw ApiException.badRequest("secret token contains unallowed characters");
        }
        UpdateQueue.WebhookConfig config = new UpdateQueue.WebhookConfig(uri.toString(), secret);
        bot.updates().setWebhook(config, drop, allowedUpdates(p));
        bot.api().startWebhookPusher(bot, config);
        return BooleanNode.TRUE;
    }

    private JsonNode deleteWebhook(Params p) {
        bot.updates().deleteWebhook(p.bool("drop_pending_updates"));
        return BooleanNode.TRUE;
    }

    private JsonNode webhookInfo() {
        ObjectNode info = Json.object();
        UpdateQueue.WebhookConfig webhook = bot.updates().webhook();
        info.put("url", webhook == null ? "" : webhook.url());
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", bot.updates().pendingCount());
        info.put("max_connections", 40);
        List<WebhookAttempt> attempts = bot.webhookAttempts();
        if (!attempts.isEmpty()) {
            WebhookAttempt last = attempts.get(attempts.size() - 1);
            if (last.status() < 200 || last.status() >= 300) {
                info.put("last_error_date", last.at().getEpochSecond());
                info.put("last_error_message", last.status() == 0 ? "Connection refused"
                        : "Wrong response from the webhook: " + last.status());
            }
        }
        return info;
    }

    // ---------------------------------------------------------------- messages

    private JsonNode sendMessage(Params p) {
        long chatId = requireChatId(p);
        String text = p.string("text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("message text is empty");
        }
        String parseMode = parseMode(p);
        checkLength(text, parseMode, MAX_TEXT, "message is too long");
        Markup markup = Markup.parse(p.json("reply_markup"));
        bot.chatJson(chatId);
        return bot.change(() -> {
            BotMessage message = bot.addMessage(chatId, null, text, parseMode, markup);
            return new FakeBot.Changed<JsonNode>(message, bot.messageJson(message));
        });
    }

    private JsonNode editMessageText(Params p) {
        String text = p.string("text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("message text is empty");
        }
        String parseMode = parseMode(p);
        checkLength(text, parseMode, MAX_TEXT, "MESSAGE_TOO_LONG");
        Markup markup = inlineOnly(Markup.parse(p.json("reply_markup")));
        return edit(p, "message to edit not found", message -> {
            if (message.attachment != null) {
                throw ApiException.badRequest("there is no text in the message to edit");
            }
            if (message.sameContent(text, parseMode, markup)) {
                throw notModified();
            }
            message.text = text;
            message.parseMode = parseMode;
            message.markup = keepReplyKeyboard(message.markup, markup);
        });
    }

    private JsonNode editMessageReplyMarkup(Params p) {
        Markup markup = inlineOnly(Markup.parse(p.json("reply_markup")));
        return edit(p, "message to edit not found", message -> {
            if (message.markup.inline().equals(markup.inline())) {
                throw notModified();
            }
            message.markup = keepReplyKeyboard(message.markup, markup);
        });
    }

    private interface Edit {
        void apply(BotMessage message);
    }

    private JsonNode edit(Params p, String notFound, Edit edit) {
        if (p.has("inline_message_id")) {
            throw ApiException.badRequest("MESSAGE_ID_INVALID");
        }
        long chatId = requireChatId(p);
        int messageId = requireMessageId(p);
        return bot.change(() -> {
            BotMessage message = bot.findMessage(chatId, messageId);
            if (message == null || message.deleted) {
                throw ApiException.badRequest(notFound);
            }
            edit.apply(message);
            message.editCount++;
            JsonNode answer = bot.editReturnsTrueEnabled() ? BooleanNode.TRUE : bot.messageJson(message);
            return new FakeBot.Changed<>(message, answer);
        });
    }

    private static Markup inlineOnly(Markup markup) {
        if (!markup.reply().isEmpty() || markup.remove()) {
            throw ApiException.badRequest("inline keyboard expected");
        }
        return markup;
    }

    private static Markup keepReplyKeyboard(Markup old, Markup inline) {
        return new Markup(inline.inlineJson(), inline.inline(), old.reply(), old.remove());
    }

    private static ApiException notModified() {
        return ApiException.badRequest("message is not modified: specified new message content and reply markup are"
                + " exactly the same as a current content and reply markup of the message");
    }

    private JsonNode deleteMessage(Params p) {
        long chatId = requireChatId(p);
        int messageId = requireMessageId(p);
        return bot.change(() -> {
            BotMessage message = bot.findMessage(chatId, messageId);
            if (message == null || message.deleted) {
                throw ApiException.badRequest("message to delete not found");
            }
            message.deleted = true;
            return new FakeBot.Changed<JsonNode>(message, BooleanNode.TRUE);
        });
    }

    private JsonNode answerCallbackQuery(Params p) {
        String queryId = p.requireString("callback_query_id", "query_id is empty");
        CallbackAnswer answer = new CallbackAnswer(queryId, p.string("text"), p.bool("show_alert"), p.string("url"),
                Instant.now());
        if (!bot.answerCallback(answer)) {
            throw ApiException.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return BooleanNode.TRUE;
    }

    // ---------------------------------------------------------------- files

    private JsonNode sendMedia(Params p, Attachment.Kind kind, String field) {
        long chatId = requireChatId(p);
        String caption = p.string("caption");
        String parseMode = parseMode(p);
        if (caption != null) {
            checkLength(caption, parseMode, MAX_CAPTION, "message caption is too long");
        }
        Markup markup = Markup.parse(p.json("reply_markup"));
        FakeBot.StoredFile file = resolveFile(p, field, kind == Attachment.Kind.PHOTO ? "photo" : "document");
        Attachment attachment = new Attachment(kind, file.fileId(), file.fileName(), file.mimeType(),
                file.bytes().length);
        bot.chatJson(chatId);
        return bot.change(() -> {
            BotMessage message = bot.addMessage(chatId, attachment, caption, parseMode, markup);
            return new FakeBot.Changed<JsonNode>(message, bot.messageJson(message));
        });
    }

    private FakeBot.StoredFile resolveFile(Params p, String field, String kind) {
        String value = p.string(field);
        Params.Upload upload = null;
        if (value != null && value.startsWith("attach://")) {
            upload = p.upload(value.substring("attach://".length()));
        } else if (value == null) {
            upload = p.upload(field);
        }
        if (upload != null) {
            return bot.storeFile(kind, upload.bytes(), upload.fileName(), contentType(upload));
        }
        if (value == null || value.isBlank() || value.startsWith("attach://")) {
            throw ApiException.badRequest("there is no " + field + " in the request");
        }
        FakeBot.StoredFile known = bot.file(value);
        if (known != null) {
            return known;
        }
        if (value.matches("(?i)https?://.+")) {
            return bot.storeFile(kind, new byte[0], null, null);
        }
        throw ApiException.badRequest("wrong file identifier/HTTP URL specified");
    }

    private static String contentType(Params.Upload upload) {
        String type = upload.contentType();
        return type == null || type.equals("application/octet-stream") ? null : type;
    }

    private JsonNode getFile(Params p) {
        String fileId = p.requireString("file_id", "file_id is empty");
        FakeBot.StoredFile file = bot.file(fileId);
        if (file == null) {
            throw ApiException.badRequest("invalid file_id");
        }
        ObjectNode result = Json.object();
        result.put("file_id", file.fileId());
        result.put("file_unique_id", "u" + file.fileId());
        result.put("file_size", file.bytes().length);
        result.put("file_path", file.path());
        return result;
    }

    // ---------------------------------------------------------------- commands, chats

    private JsonNode setMyCommands(Params p) {
        JsonNode list = p.json("commands");
        if (list == null || !list.isArray()) {
            throw ApiException.badRequest("parameter \"commands\" is required");
        }
        List<Command> commands = new ArrayList<>();
        for (JsonNode entry : list) {
            String command = entry.path("command").asText("");
            String description = entry.path("description").asText("");
            if (!command.matches("[a-z0-9_]{1,32}")) {
                throw ApiException.badRequest("BOT_COMMAND_INVALID");
            }
            if (description.isBlank() || description.length() > 256) {
                throw ApiException.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
            commands.add(new Command(command, description));
        }
        bot.setCommands(languageCode(p), commands);
        return BooleanNode.TRUE;
    }

    private JsonNode getMyCommands(Params p) {
        ArrayNode result = Json.array();
        for (Command command : bot.commandsFor(languageCode(p))) {
            result.addObject().put("command", command.command()).put("description", command.description());
        }
        return result;
    }

    private JsonNode deleteMyCommands(Params p) {
        bot.setCommands(languageCode(p), List.of());
        return BooleanNode.TRUE;
    }

    private static String languageCode(Params p) {
        String code = p.string("language_code");
        return code == null ? "" : code;
    }

    private JsonNode sendChatAction(Params p) {
        long chatId = requireChatId(p);
        p.requireString("action", "action is empty");
        bot.chatJson(chatId);
        return BooleanNode.TRUE;
    }

    private JsonNode getChat(Params p) {
        long chatId = requireChatId(p);
        FakeUser user = bot.knownUser(chatId);
        if (user != null) {
            return user.chatJson();
        }
        FakeGroup group = bot.knownGroup(chatId);
        if (group != null) {
            return group.chatJson();
        }
        throw ApiException.badRequest("chat not found");
    }

    // ---------------------------------------------------------------- parameters

    static Long chatIdOrNull(Params p) {
        try {
            return p.longValue("chat_id");
        } catch (ApiException e) {
            return null;
        }
    }

    private static long chatId(Params p) {
        try {
            Long chatId = p.longValue("chat_id");
            if (chatId == null || chatId == 0) {
                throw ApiException.badRequest("chat not found");
            }
            return chatId;
        } catch (ApiException e) {
            throw ApiException.badRequest("chat not found");
        }
    }

    private static long requireChatId(Params p) {
        if (!p.has("chat_id") || p.string("chat_id").isBlank()) {
            throw ApiException.badRequest("chat_id is empty");
        }
        return chatId(p);
    }

    private static int requireMessageId(Params p) {
        Integer messageId = p.intValue("message_id");
        if (messageId == null) {
            throw ApiException.badRequest("message_id is empty");
        }
        return messageId;
    }

    private static String parseMode(Params p) {
        String parseMode = p.string("parse_mode");
        if (parseMode == null || parseMode.isEmpty()) {
            return null;
        }
        if (!parseMode.equalsIgnoreCase("HTML") && !parseMode.equalsIgnoreCase("Markdown")
                && !parseMode.equalsIgnoreCase("MarkdownV2")) {
            throw ApiException.badRequest("unsupported parse_mode");
        }
        return parseMode;
    }

    private static void checkLength(String text, String parseMode, int max, String tooLong) {
        String visible = text;
        if ("HTML".equalsIgnoreCase(parseMode)) {
            HtmlText.validate(text);
            visible = HtmlText.plain(text);
        }
        if (visible.length() > max) {
            throw ApiException.badRequest(tooLong);
        }
    }
}

package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.admin.Admins;
import ir.hamyar.bot.fakeapi.CallbackAnswer;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.FakeUser;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.domain.shared.Platform;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sandbox web chat's API over the in-process fake Bot API. The person using it plays the users: what they
 * do is injected into the fake as updates, and what the bot sent is read back from it.
 *
 * <p>Everything is under {@code /sandbox/api/{platform}} with platform {@code telegram} or {@code bale}; see
 * the mappings below. Bad input gets a 400 JSON error and changes nothing.</p>
 */
@RestController
@RequestMapping("/sandbox/api")
class SandboxController {

    static final int MAX_TEXT = 4096;
    static final int MAX_NAME = 64;
    static final int MAX_TITLE = 128;
    static final int MAX_CAPTION = 1024;
    static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    static final int MAX_WAIT_SECONDS = 25;
    static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    private static final long MAX_USER_ID = 999_999_999_999L;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9\\u06F0-\\u06F9\\u0660-\\u0669][0-9\\u06F0-\\u06F9\\u0660-\\u0669 ()-]{3,24}");
    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Set<String> BOT_STATUSES = Set.of("member", "administrator", "left", "kicked");

    private final SandboxChats chats;
    private final Admins admins;
    /** Types and names of the files the bot sent, learnt while listing messages, to serve them properly. */
    private final Map<String, SandboxJson.File> knownFiles = new ConcurrentHashMap<>();

    SandboxController(SandboxChats chats, Admins admins) {
        this.chats = chats;
        this.admins = admins;
    }

    @GetMapping
    SandboxJson.Info info() {
        return new SandboxJson.Info(Stream.of(Platform.values()).map(platform -> {
            FakeBot bot = chats.bot(platform);
            return new SandboxJson.PlatformInfo(segment(platform), bot.flavor().name(), bot.id(), bot.username());
        }).toList());
    }

    // ---------------------------------------------------------------- users

    @GetMapping("/{platform}/users")
    List<SandboxJson.User> users(@PathVariable String platform) {
        Platform p = platform(platform);
        return chats.bot(p).users().stream().map(u -> user(p, u)).toList();
    }

    @PostMapping("/{platform}/users")
    @ResponseStatus(HttpStatus.CREATED)
    SandboxJson.User createUser(@PathVariable String platform, @RequestBody SandboxJson.NewUser request) {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        String name = required(request.firstName(), "firstName", MAX_NAME);
        String language = request.languageCode() == null || request.languageCode().isBlank()
                ? null : request.languageCode().trim();
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw SandboxException.badRequest("languageCode must look like fa or en");
        }
        long id;
        synchronized (this) {
            if (request.id() == null) {
                id = bot.users().stream().mapToLong(FakeUser::id).max().orElse(1000L) + 1;
                id = Math.max(id, 1001L);
            } else {
                id = request.id();
                if (id <= 0 || id > MAX_USER_ID) {
                    throw SandboxException.badRequest("a user id is a positive number of at most 12 digits");
                }
                if (known(bot, id) != null) {
                    throw SandboxException.conflict("user " + id + " exists already");
                }
            }
            FakeUser user = bot.user(id, name).languageCode(language);
            return user(p, user);
        }
    }

    // ---------------------------------------------------------------- groups and chats

    @GetMapping("/{platform}/groups")
    List<SandboxJson.Group> groups(@PathVariable String platform) {
        return chats.bot(platform(platform)).groups().stream().map(SandboxJson.Group::of).toList();
    }

    /** A new group; with {@code addedBy} the bot is added to it by that user (a my_chat_member update). */
    @PostMapping("/{platform}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    SandboxJson.Group createGroup(@PathVariable String platform, @RequestBody SandboxJson.NewGroup request) {
        FakeBot bot = chats.bot(platform(platform));
        String title = required(request.title(), "title", MAX_TITLE);
        FakeUser addedBy = request.addedBy() == null ? null : existingUser(bot, request.addedBy());
        FakeGroup group;
        synchronized (this) {
            long id;
            if (request.id() == null) {
                id = Math.min(bot.groups().stream().mapToLong(FakeGroup::id).min().orElse(-1000L), -1000L) - 1;
            } else {
                id = request.id();
                if (id >= 0 || id < -MAX_USER_ID * 10) {
                    throw SandboxException.badRequest("a group id is a negative number");
                }
                if (knownGroup(bot, id) != null) {
                    throw SandboxException.conflict("group " + id + " exists already");
                }
            }
            group = bot.group(id, title);
        }
        if (addedBy != null) {
            bot.injectMyChatMember(group, addedBy, "member");
        }
        return SandboxJson.Group.of(group);
    }

    /** A user adds the bot to the group, makes it an administrator, removes it (left) or bans it (kicked). */
    @PostMapping("/{platform}/groups/{groupId}/bot")
    SandboxJson.Group botMembership(@PathVariable String platform, @PathVariable long groupId,
                                    @RequestBody SandboxJson.BotMembership request) {
        FakeBot bot = chats.bot(platform(platform));
        FakeGroup group = existingGroup(bot, groupId);
        FakeUser by = existingUser(bot, request.userId());
        String status = request.status() == null ? "" : request.status().trim().toLowerCase(Locale.ROOT);
        if (!BOT_STATUSES.contains(status)) {
            throw SandboxException.badRequest("status is one of member, administrator, left, kicked");
        }
        bot.injectMyChatMember(group, by, status);
        return SandboxJson.Group.of(group);
    }

    /** The user's private chat with the bot (when {@code userId} is given) and every group. */
    @GetMapping("/{platform}/chats")
    List<SandboxJson.Chat> chatList(@PathVariable String platform, @RequestParam(required = false) Long userId) {
        FakeBot bot = chats.bot(platform(platform));
        List<SandboxJson.Chat> list = new ArrayList<>();
        if (userId != null) {
            FakeUser user = existingUser(bot, userId);
            list.add(new SandboxJson.Chat(user.chatId(), "private", bot.username(), null));
        }
        bot.groups().forEach(g -> list.add(new SandboxJson.Chat(g.id(), "group", g.title(), g.botStatus())));
        return list;
    }

    // ---------------------------------------------------------------- reading a chat

    /**
     * The chat's bubbles, oldest first: the bot's messages in their current state and what the people sent.
     * With {@code since} (a bot revision) and {@code own} (a sequence), only what changed after them; with
     * {@code wait} seconds, waits for a change first (long polling).
     */
    @GetMapping("/{platform}/chats/{chatId}/messages")
    SandboxJson.Messages messages(@PathVariable String platform, @PathVariable long chatId,
                                  @RequestParam(required = false) Long since,
                                  @RequestParam(required = false) Long own,
                                  @RequestParam(defaultValue = "0") int wait) {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        String botStatus = existingChat(bot, chatId);
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw SandboxException.badRequest("wait is between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        long afterRevision = since == null ? -1 : since;
        long afterSeq = own == null ? -1 : own;
        if (wait > 0) {
            chats.awaitChange(() -> changed(bot, p, chatId, afterRevision, afterSeq), Duration.ofSeconds(wait));
        }
        // read the counters first: whatever changes meanwhile is sent again next time, never missed
        long revision = bot.revision();
        long sequence = chats.lastSequence();
        List<SandboxJson.ChatItem> items = new ArrayList<>();
        for (SentMessage m : bot.messages(chatId)) {
            if (m.revision() > afterRevision) {
                items.add(SandboxJson.ChatItem.bot(m, file(p, m)));
            }
        }
        for (SandboxChats.OwnMessage m : chats.sentSince(p, chatId, afterSeq)) {
            items.add(SandboxJson.ChatItem.user(m, m.photo() != null && chats.photoKept(m.seq())
                    ? base(p) + "/chats/" + chatId + "/sent/" + m.seq() + "/photo" : null));
        }
        // the person's message first on a tie: it is what the bot answered
        items.sort(Comparator.comparingLong(SandboxJson.ChatItem::time)
                .thenComparing(item -> item.from().equals("bot")));
        List<List<SandboxJson.KeyboardButton>> keyboard = bot.replyKeyboard(chatId).stream()
                .map(row -> row.stream().map(SandboxJson.KeyboardButton::of).toList()).toList();
        return new SandboxJson.Messages(chatId, revision, sequence, items, keyboard, botStatus);
    }

    private boolean changed(FakeBot bot, Platform p, long chatId, long afterRevision, long afterSeq) {
        return bot.messages(chatId).stream().anyMatch(m -> m.revision() > afterRevision)
                || !chats.sentSince(p, chatId, afterSeq).isEmpty();
    }

    // ---------------------------------------------------------------- acting as a user

    @PostMapping("/{platform}/chats/{chatId}/text")
    SandboxJson.Accepted text(@PathVariable String platform, @PathVariable long chatId,
                              @RequestBody SandboxJson.TextMessage request) {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        FakeUser user = existingUser(bot, request.userId());
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw SandboxException.badRequest("text must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw SandboxException.badRequest("text is at most " + MAX_TEXT + " characters");
        }
        if (chatId < 0) {
            FakeGroup group = existingGroup(bot, chatId);
            // a bot that left or was banned does not receive the group's messages
            boolean delivered = group.botStatus().equals("member") || group.botStatus().equals("administrator");
            int updateId = delivered ? bot.injectText(user, group, text) : 0;
            return new SandboxJson.Accepted(updateId, ownItem(p, chats.recordText(p, chatId, user.id(),
                    user.firstName(), delivered, text)));
        }
        requirePrivateChatOf(user, chatId);
        int updateId = bot.injectText(user, text);
        return new SandboxJson.Accepted(updateId, ownItem(p, chats.recordText(p, chatId, user.id(), user.firstName(),
                true, text)));
    }

    /**
     * The user presses an inline button of a bot message. Any data is passed on (the bot must re-authorise
     * every callback, so forged data is worth testing); waits a moment for the bot's answer to show it.
     */
    @PostMapping("/{platform}/chats/{chatId}/tap")
    SandboxJson.TapResult tap(@PathVariable String platform, @PathVariable long chatId,
                              @RequestBody SandboxJson.Tap request) {
        FakeBot bot = chats.bot(platform(platform));
        FakeUser user = existingUser(bot, request.userId());
        if (chatId < 0) {
            existingGroup(bot, chatId);
        } else {
            requirePrivateChatOf(user, chatId);
        }
        if (request.messageId() == null) {
            throw SandboxException.badRequest("messageId is required");
        }
        SentMessage message = bot.message(chatId, request.messageId())
                .filter(m -> !m.deleted())
                .orElseThrow(() -> SandboxException.notFound("no bot message " + request.messageId() + " in this chat"));
        String data = request.data();
        if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw SandboxException.badRequest("data is 1 to 64 bytes");
        }
        Set<String> before = callbackQueryIds(bot);
        int updateId = bot.injectCallback(user, chatId, message.messageId(), data);
        Set<String> mine = callbackQueryIds(bot);
        mine.removeAll(before);
        return new SandboxJson.TapResult(updateId, mine.size() == 1 ? awaitAnswer(bot, mine.iterator().next()) : null);
    }

    /** Shares a phone number: the user's own (remembered for request_contact buttons) or someone else's. */
    @PostMapping("/{platform}/chats/{chatId}/contact")
    SandboxJson.Accepted contact(@PathVariable String platform, @PathVariable long chatId,
                                 @RequestBody SandboxJson.SharedContact request) {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        FakeUser user = existingUser(bot, request.userId());
        requirePrivateChatOf(user, chatId);
        String phone = request.phone() == null ? "" : request.phone().strip();
        if (!PHONE.matcher(phone).matches()) {
            throw SandboxException.badRequest("phone must be a phone number, e.g. +989121234567");
        }
        boolean own = request.own() == null || request.own();
        Long contactUserId = own ? Long.valueOf(user.id()) : request.contactUserId();
        if (!own && contactUserId != null && (contactUserId <= 0 || contactUserId > MAX_USER_ID)) {
            throw SandboxException.badRequest("contactUserId is a positive number");
        }
        if (own) {
            chats.rememberPhone(p, user.id(), phone);
        }
        int updateId = bot.injectContact(user, phone, contactUserId);
        return new SandboxJson.Accepted(updateId,
                ownItem(p, chats.recordContact(p, chatId, user.id(), user.firstName(), phone, contactUserId)));
    }

    @PostMapping("/{platform}/chats/{chatId}/location")
    SandboxJson.Accepted location(@PathVariable String platform, @PathVariable long chatId,
                                  @RequestBody SandboxJson.SharedLocation request) {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        FakeUser user = existingUser(bot, request.userId());
        requirePrivateChatOf(user, chatId);
        Double latitude = request.latitude();
        Double longitude = request.longitude();
        if (latitude == null || longitude == null || !Double.isFinite(latitude) || !Double.isFinite(longitude)
                || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw SandboxException.badRequest("latitude is within ±90 and longitude within ±180");
        }
        int updateId = bot.injectLocation(user, latitude, longitude);
        return new SandboxJson.Accepted(updateId,
                ownItem(p, chats.recordLocation(p, chatId, user.id(), user.firstName(), latitude, longitude)));
    }

    /** Sends a photo (multipart: userId, file, optional caption); only images are accepted. */
    @PostMapping(path = "/{platform}/chats/{chatId}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SandboxJson.Accepted photo(@PathVariable String platform, @PathVariable long chatId,
                               @RequestParam long userId, @RequestParam("file") MultipartFile file,
                               @RequestParam(required = false) String caption) throws IOException {
        Platform p = platform(platform);
        FakeBot bot = chats.bot(p);
        FakeUser user = existingUser(bot, userId);
        requirePrivateChatOf(user, chatId);
        if (file.isEmpty() || file.getSize() > MAX_PHOTO_BYTES) {
            throw SandboxException.badRequest("a photo is 1 byte to " + MAX_PHOTO_BYTES / (1024 * 1024) + " MB");
        }
        byte[] bytes = file.getBytes();
        String mimeType = ImageType.of(bytes);
        if (mimeType == null) {
            throw SandboxException.badRequest("the file is not a JPEG, PNG, GIF or WebP image");
        }
        String text = caption == null || caption.isBlank() ? null : caption;
        if (text != null && text.length() > MAX_CAPTION) {
            throw SandboxException.badRequest("caption is at most " + MAX_CAPTION + " characters");
        }
        int updateId = bot.injectPhoto(user, bytes, text);
        return new SandboxJson.Accepted(updateId,
                ownItem(p, chats.recordPhoto(p, chatId, user.id(), user.firstName(), text, mimeType, bytes)));
    }

    // ---------------------------------------------------------------- files

    /** A file the bot sent (certificate, export, chart) or any file the fake holds. */
    @GetMapping("/{platform}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String platform, @PathVariable String fileId) {
        FakeBot bot = chats.bot(platform(platform));
        if (!FILE_ID.matcher(fileId).matches()) {
            throw SandboxException.badRequest("not a file id");
        }
        byte[] bytes;
        try {
            bytes = bot.fileBytes(fileId);
        } catch (IllegalArgumentException e) {
            throw SandboxException.notFound("no such file");
        }
        SandboxJson.File known = knownFiles.get(fileId);
        String sniffed = ImageType.of(bytes);
        String type = sniffed != null ? sniffed
                : known != null && known.mimeType() != null ? known.mimeType() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        String name = known != null && known.fileName() != null ? known.fileName() : fileId;
        return download(bytes, type, name);
    }

    /** A photo the person sent, while it is kept. */
    @GetMapping("/{platform}/chats/{chatId}/sent/{seq}/photo")
    ResponseEntity<byte[]> sentPhoto(@PathVariable String platform, @PathVariable long chatId, @PathVariable long seq) {
        byte[] bytes = chats.photo(platform(platform), chatId, seq)
                .orElseThrow(() -> SandboxException.notFound("no such photo"));
        return download(bytes, ImageType.of(bytes), "photo-" + seq);
    }

    /**
     * Images and PDFs open in the browser; anything else is a download, so a file never runs as a page of
     * this origin.
     */
    private static ResponseEntity<byte[]> download(byte[] bytes, String type, String name) {
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(type);
        } catch (RuntimeException e) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        boolean inline = ImageType.isImage(mediaType) || mediaType.isCompatibleWith(MediaType.APPLICATION_PDF);
        if (!inline) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }

    // ---------------------------------------------------------------- helpers

    private SandboxJson.File file(Platform p, SentMessage m) {
        if (m.attachment() == null) {
            return null;
        }
        SandboxJson.File file = SandboxJson.File.of(m.attachment(), base(p) + "/files/" + m.attachment().fileId());
        knownFiles.put(file.fileId(), file);
        return file;
    }

    private SandboxJson.ChatItem ownItem(Platform p, SandboxChats.OwnMessage m) {
        return SandboxJson.ChatItem.user(m, m.photo() == null ? null
                : base(p) + "/chats/" + m.chatId() + "/sent/" + m.seq() + "/photo");
    }

    private SandboxJson.User user(Platform p, FakeUser u) {
        return new SandboxJson.User(u.id(), u.firstName(), u.languageCode(), chats.phone(p, u.id()).orElse(null),
                admins.isAdmin(p, u.id()), segment(p) + ":" + u.id());
    }

    private static Set<String> callbackQueryIds(FakeBot bot) {
        Set<String> ids = new HashSet<>(bot.unansweredCallbackQueries());
        bot.callbackAnswers().forEach(a -> ids.add(a.callbackQueryId()));
        return ids;
    }

    /** The bot answers every callback soon after it; a moment's wait lets the page show a toast or alert. */
    private SandboxJson.CallbackNotice awaitAnswer(FakeBot bot, String queryId) {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (CallbackAnswer answer : bot.callbackAnswers()) {
                if (answer.callbackQueryId().equals(queryId)) {
                    return new SandboxJson.CallbackNotice(answer.text(), answer.showAlert(), answer.url());
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static String base(Platform p) {
        return "/sandbox/api/" + segment(p);
    }

    static String segment(Platform p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    private static Platform platform(String segment) {
        for (Platform p : Platform.values()) {
            if (segment(p).equals(segment)) {
                return p;
            }
        }
        throw SandboxException.notFound("platform is telegram or bale");
    }

    private static String required(String value, String field, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw SandboxException.badRequest(field + " is required");
        }
        if (trimmed.length() > max) {
            throw SandboxException.badRequest(field + " is at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw SandboxException.badRequest(field + " must be one line of text");
        }
        return trimmed;
    }

    private static FakeUser known(FakeBot bot, long userId) {
        return bot.users().stream().filter(u -> u.id() == userId).findFirst().orElse(null);
    }

    private static FakeGroup knownGroup(FakeBot bot, long groupId) {
        return bot.groups().stream().filter(g -> g.id() == groupId).findFirst().orElse(null);
    }

    private static FakeUser existingUser(FakeBot bot, Long userId) {
        if (userId == null) {
            throw SandboxException.badRequest("userId is required");
        }
        FakeUser user = known(bot, userId);
        if (user == null) {
            throw SandboxException.notFound("no user " + userId + "; create it first");
        }
        return user;
    }

    private static FakeGroup existingGroup(FakeBot bot, long groupId) {
        FakeGroup group = knownGroup(bot, groupId);
        if (group == null) {
            throw SandboxException.notFound("no group " + groupId);
        }
        return group;
    }

    /** @return the bot's status in a group chat, null for a private chat */
    private static String existingChat(FakeBot bot, long chatId) {
        if (chatId < 0) {
            return existingGroup(bot, chatId).botStatus();
        }
        existingUser(bot, chatId);
        return null;
    }

    private static void requirePrivateChatOf(FakeUser user, long chatId) {
        if (chatId != user.chatId()) {
            throw SandboxException.badRequest("this can only be sent in the user's own private chat with the bot");
        }
    }
}

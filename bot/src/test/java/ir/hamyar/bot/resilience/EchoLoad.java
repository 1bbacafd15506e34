package ir.hamyar.bot.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeUser;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many users, each in the test-only echo flow ({@code ir.hamyar.bot.e2e.TestFlows}), each sending numbered
 * messages. The echo flow keeps a running count in the conversation draft and answers message {@code n} with
 * count {@code n}, so the effects prove exactly-once, in-order application: the draft's count equals the number
 * of messages the chat sent, and every reply pairs message {@code n} with count {@code n}. Replies may arrive
 * twice (a message in flight when the sender died is sent again), but none may be missing or mismatched.
 */
public final class EchoLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBot bot;
    private final List<FakeUser> users = new ArrayList<>();
    private final int[] sent;
    private final Map<Long, Integer> indexOfChat = new ConcurrentHashMap<>();
    /** Every reply text seen per chat, with how often it was seen. */
    private final Map<Long, Map<String, Integer>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger injected = new AtomicInteger();

    public EchoLoad(FakeBot bot, long firstUserId, int userCount) {
        this.bot = bot;
        this.sent = new int[userCount];
        for (int i = 0; i < userCount; i++) {
            FakeUser u = bot.user(firstUserId + i, "Echo" + i);
            users.add(u);
            indexOfChat.put(u.chatId(), i);
        }
        bot.onSent(this::record);
    }

    private void record(SentMessage m) {
        if (!m.edited() && indexOfChat.containsKey(m.chatId())) {
            replies.computeIfAbsent(m.chatId(), k -> new ConcurrentHashMap<>()).merge(m.plainText(), 1, Integer::sum);
        }
    }

    /** Every user opens the echo flow (no reply: the flow's prompt is empty). */
    public void enterEchoFlow() {
        for (FakeUser u : users) {
            bot.injectText(u, "/echo");
            injected.incrementAndGet();
        }
    }

    /** One more message from a random user. */
    public synchronized void sendOne(Random random) {
        int i = random.nextInt(users.size());
        sent[i]++;
        bot.injectText(users.get(i), text(i, sent[i]));
        injected.incrementAndGet();
    }

    /** Updates injected so far, the flow's opening commands included. */
    public int injected() {
        return injected.get();
    }

    public synchronized int messagesSent() {
        int total = 0;
        for (int n : sent) {
            total += n;
        }
        return total;
    }

    private String text(int user, int n) {
        return "e" + users.get(user).id() + "-" + n;
    }

    static String reply(String text, int n) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.test_flow_done", text, String.valueOf(n)));
    }

    /** Replies delivered more than once (the bounded re-send of messages in flight at a crash). */
    public int duplicateReplies() {
        int dup = 0;
        for (Map<String, Integer> perChat : replies.values()) {
            for (int times : perChat.values()) {
                dup += times - 1;
            }
        }
        return dup;
    }

    /** Messages whose reply has not been seen yet. */
    public synchronized int missingReplies() {
        int missing = 0;
        for (int i = 0; i < users.size(); i++) {
            Map<String, Integer> seen = replies.getOrDefault(users.get(i).chatId(), Map.of());
            for (int n = 1; n <= sent[i]; n++) {
                if (!seen.containsKey(reply(text(i, n), n))) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /** Database rows and fake-side records of the first chat with a missing reply, to tell where it got lost. */
    public synchronized String diagnose(JdbcTemplate jdbc, String chatKeyPrefix) {
        for (int i = 0; i < users.size(); i++) {
            long chat = users.get(i).chatId();
            Map<String, Integer> seen = replies.getOrDefault(chat, Map.of());
            for (int n = 1; n <= sent[i]; n++) {
                if (!seen.containsKey(reply(text(i, n), n))) {
                    return "first missing: " + text(i, n) + "\n" + DatabaseChecks.describe(jdbc, chatKeyPrefix + chat)
                            + "\nthe fake's messages in chat " + chat + ": " + bot.messages(chat).stream()
                            .map(m -> m.messageId() + ":" + m.plainText().substring(0, Math.min(20, m.plainText().length())))
                            .toList()
                            + "\ncalls for chat " + chat + ": " + bot.calls().stream()
                            .filter(c -> c.chatId() != null && c.chatId() == chat)
                            .map(c -> c.method() + "@" + c.at() + "=" + c.status()).toList();
                }
            }
        }
        return "nothing missing";
    }

    /** Waits until every message sent so far has its reply. */
    public void awaitEveryReply(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int missing;
        while ((missing = missingReplies()) > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(missing + " of " + messagesSent() + " messages got no reply within "
                        + timeout + "; e.g. " + problems().stream().limit(5).toList());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * What is wrong with the replies: a missing reply, or a reply the echo flow would only give if a message had
     * been applied twice, out of order, or lost (message n answered with another count).
     */
    public synchronized List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Map<String, Integer> seen = replies.getOrDefault(users.get(i).chatId(), Map.of());
            Set<String> expected = ConcurrentHashMap.newKeySet();
            for (int n = 1; n <= sent[i]; n++) {
                expected.add(reply(text(i, n), n));
            }
            for (String e : expected) {
                if (!seen.containsKey(e)) {
                    problems.add("chat " + users.get(i).chatId() + " missing: " + e);
                }
            }
            for (String s : seen.keySet()) {
                if (!expected.contains(s)) {
                    problems.add("chat " + users.get(i).chatId() + " unexpected: " + s);
                }
            }
        }
        return problems;
    }

    /**
     * Checks the effects in the database: each chat's draft count equals the messages it sent, each chat's
     * updates are stored once and all DONE. Returns the problems found (empty when all is well).
     */
    public synchronized List<String> databaseProblems(JdbcTemplate jdbc, String chatKeyPrefix) {
        List<String> problems = new ArrayList<>();
        Map<String, String> drafts = new ConcurrentHashMap<>();
        jdbc.query("SELECT chat_key, draft FROM conversation WHERE flow = 'echo'",
                rs -> {
                    drafts.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                });
        Map<String, int[]> inbox = new ConcurrentHashMap<>();
        jdbc.query("SELECT chat_key, status, count(*) FROM inbox_update GROUP BY chat_key, status", rs -> {
            int[] c = inbox.computeIfAbsent(rs.getString(1), k -> new int[2]);
            if ("DONE".equals(rs.getString(2))) {
                c[0] += rs.getInt(3);
            } else {
                c[1] += rs.getInt(3);
            }
        });
        for (int i = 0; i < users.size(); i++) {
            String key = chatKeyPrefix + users.get(i).chatId();
            String draft = drafts.get(key);
            if (draft == null) {
                problems.add(key + ": not in the echo flow");
                continue;
            }
            try {
                JsonNode node = JSON.readTree(draft);
                int count = node.path("count").asInt(-1);
                if (count != sent[i]) {
                    problems.add(key + ": draft count " + count + " but " + sent[i] + " messages sent");
                }
            } catch (Exception e) {
                problems.add(key + ": draft does not parse: " + draft);
            }
            int[] c = inbox.getOrDefault(key, new int[2]);
            if (c[0] != sent[i] + 1 || c[1] != 0) {
                problems.add(key + ": inbox has " + c[0] + " DONE and " + c[1] + " other rows, expected "
                        + (sent[i] + 1) + " DONE");
            }
        }
        return problems;
    }
}

package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static ir.hamyar.bot.runtime.outbound.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Senders wired by hand on one PostgreSQL database, to run several instances and stop them at will. */
class OutboxSenderTests {

    private static final String[] FAST = {
            "poll-interval", "20ms", "lease", "10s", "max-in-memory-wait", "5s", "max-in-flight", "40",
            "bot-per-second", "100000", "bot-burst", "100000", "chat-per-second", "100000", "chat-burst", "100000",
            "group-per-minute", "6000000", "group-burst", "100000"};

    private static OutboundProperties properties(String instance, String... more) {
        String[] all = new String[FAST.length + more.length + 2];
        System.arraycopy(FAST, 0, all, 0, FAST.length);
        System.arraycopy(more, 0, all, FAST.length, more.length);
        all[all.length - 2] = "instance-id";
        all[all.length - 1] = instance;
        return TestProperties.outbound(all);
    }

    private static OutboundStack stack(TestPostgres.Database db, OutboundProperties properties,
                                       RecordingMessengerClient client) {
        return new OutboundStack(db.url(), db.username(), db.password(), properties, List.of(client));
    }

    private static OutboundMessage text(long chat, String text) {
        return OutboundMessage.sendText(new ChatRef(Platform.TELEGRAM, chat), text, false, null);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachOfFiveHundredRowsExactlyOnceInChatOrder() {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_two");
        AtomicLong messageIds = new AtomicLong();
        RecordingMessengerClient clientA = new RecordingMessengerClient(Platform.TELEGRAM, messageIds);
        RecordingMessengerClient clientB = new RecordingMessengerClient(Platform.TELEGRAM, messageIds);
        try (OutboundStack a = stack(db, properties("instance-a"), clientA);
             OutboundStack b = stack(db, properties("instance-b"), clientB)) {
            // 100 chats × 5 messages, written before either sender runs so that both compete for them.
            List<Long> ids = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                List<OutboundMessage> batch = new ArrayList<>();
                for (long chat = 1; chat <= 100; chat++) {
                    batch.add(text(chat, chat + "#" + round));
                }
                ids.addAll(a.enqueue(batch));
            }
            assertThat(ids).hasSize(500);

            a.sender.start();
            b.sender.start();
            await("all 500 sent", () -> a.count("status = 'SENT'") == 500);

            List<RecordingMessengerClient.Call> calls = new ArrayList<>(clientA.calls());
            calls.addAll(clientB.calls());
            assertThat(calls).hasSize(500);
            assertThat(calls.stream().map(c -> c.message().text()).distinct()).hasSize(500);
            assertThat(clientA.calls()).as("instance A took part").isNotEmpty();
            assertThat(clientB.calls()).as("instance B took part").isNotEmpty();
            calls.sort(java.util.Comparator.comparing(RecordingMessengerClient.Call::messageId));
            Map<Long, List<String>> perChat = new HashMap<>();
            calls.forEach(c -> perChat.computeIfAbsent(c.message().chatId(), k -> new ArrayList<>()).add(c.message().text()));
            perChat.forEach((chat, texts) -> assertThat(texts).as("order of chat %d", chat)
                    .containsExactlyElementsOf(IntStream.range(0, 5).mapToObj(i -> chat + "#" + i).toList()));
            assertThat(a.count("claimed_by IS NOT NULL")).isZero();
        }
    }

    @Test
    void storesTheOutcomesOfSeveralRowsInOneTransactionAndClaimsEachChatsNextRow() {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_finish_all");
        try (OutboundStack a = stack(db, properties("instance-a"),
                new RecordingMessengerClient(Platform.TELEGRAM, new AtomicLong()))) {
            // chats 1..3 get two rows each; chat 4 one row; nothing is sent (the sender is not started)
            List<Long> first = a.enqueue(List.of(text(1, "1a"), text(2, "2a"), text(3, "3a"), text(4, "4a")));
            List<Long> second = a.enqueue(List.of(text(1, "1b"), text(2, "2b"), text(3, "3b")));
            List<ClaimedRow> heads = a.store.claimReady(10, "instance-a", java.time.Duration.ofSeconds(30));
            assertThat(heads).extracting(ClaimedRow::id).containsExactlyElementsOf(first);
            // row 4a was taken over meanwhile (its lease ran out and another instance claimed it)
            a.jdbc.update("UPDATE outbound_message SET claimed_by = 'instance-b' WHERE id = ?", first.get(3));

            List<ClaimedRow> next = a.store.finishAll(heads.stream().map(r -> new OutboxStore.Outcome(r,
                    OutboxStore.SENT, 0, 100 + r.id(), null)).toList(), "instance-a", java.time.Duration.ofSeconds(30), true);

            assertThat(next).extracting(ClaimedRow::id).containsExactlyInAnyOrderElementsOf(second);
            assertThat(a.count("status = 'SENT' AND sent_message_id IS NOT NULL")).isEqualTo(3);
            assertThat(a.status(first.get(3))).as("not overwritten: another instance holds it").isEqualTo("CLAIMED");
            assertThat(a.count("status = 'CLAIMED' AND claimed_by = 'instance-a'")).isEqualTo(3);
            assertThat(a.store.finishAll(next.stream().map(r -> new OutboxStore.Outcome(r, OutboxStore.SENT, 0, 1L,
                    null)).toList(), "instance-a", java.time.Duration.ofSeconds(30), false)).isEmpty();
            assertThat(a.count("status = 'SENT'")).isEqualTo(6);
        }
    }

    @Test
    void newRowsBeyondTheInFlightShareAreClaimedAsSoonAsRoomIsMadeNotAtTheNextPoll() {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_room");
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM);
        try (OutboundStack stack = stack(db, properties("room", "poll-interval", "1h", "max-in-flight", "2"), client)) {
            stack.sender.start();
            await("the poller's first run is over", () -> stack.count("status = 'PENDING'") == 0);
            // 30 chats' replies committed at once: four fit at first (twice the share of two), the rest wait here
            List<OutboundMessage> replies = new ArrayList<>();
            for (long chat = 1; chat <= 30; chat++) {
                replies.add(text(chat, "reply " + chat));
            }
            stack.enqueue(replies);

            // the poller sleeps for an hour: only stored outcomes making room can get the other 26 out
            await("all 30 sent", () -> stack.count("status = 'SENT'") == 30);
            assertThat(client.calls()).hasSize(30);
        }
    }

    @Test
    void sendsRightAfterCommitWithoutWaitingForThePoller() {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_fast");
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM);
        try (OutboundStack stack = stack(db, properties("fast", "poll-interval", "1h"), client)) {
            stack.sender.start();
            long first = stack.enqueue(List.of(text(1, "first"))).get(0);
            await("first sent", () -> "SENT".equals(stack.status(first)));

            // The poller ran once at start and sleeps for an hour now: only the after-commit hand-over can send.
            long second = stack.enqueue(List.of(text(2, "second"), text(2, "third"))).get(0);

            await("second sent", () -> "SENT".equals(stack.status(second)));
            await("third sent", () -> client.textsTo(2).size() == 2);
            assertThat(client.textsTo(2)).containsExactly("second", "third");
        }
    }

    /**
     * Each chat's next reply is written while its previous one is being sent, as a member answering a form at once
     * would cause: the new row is committed around the time the previous row's outcome is stored. The poller sleeps
     * for an hour, so a row that neither the claim of new rows nor the outcome's claim of the chat's next row took
     * would never go out. With the outcomes stored on a thread of their own, a claim of new rows could run between the
     * outcome's claim of the next row and its commit, see the previous row still leased, and leave the new row to the
     * poller (0.7 % of the rows at 1,000 updates/s in the load benchmark).
     */
    @Test
    void aChatsNextRowWrittenWhileItsPreviousOneIsSentGoesOutWithoutThePoller() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_chained");
        int chats = 40;
        int rounds = 25;
        java.util.concurrent.ExecutorService members = java.util.concurrent.Executors.newFixedThreadPool(4);
        Map<Long, java.util.concurrent.atomic.AtomicInteger> sent = new java.util.concurrent.ConcurrentHashMap<>();
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM);
        try (OutboundStack stack = stack(db, properties("chained", "poll-interval", "1h"), client)) {
            client.answering(message -> {
                int n = sent.computeIfAbsent(message.chatId(), k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
                if (n < rounds) {
                    // the member's next input, applied and committed while this call's outcome is being stored
                    members.execute(() -> stack.enqueue(List.of(text(message.chatId(), message.chatId() + "#" + n))));
                }
                return null;
            });
            stack.sender.start();
            await("the poller's first run is over", () -> stack.count("status = 'PENDING'") == 0);
            List<OutboundMessage> first = new ArrayList<>();
            for (long chat = 1; chat <= chats; chat++) {
                first.add(text(chat, chat + "#0"));
            }
            stack.enqueue(first);

            await("every chat's " + rounds + " replies sent", () -> stack.count("status = 'SENT'") == chats * rounds);
            for (long chat = 1; chat <= chats; chat++) {
                long c = chat;
                assertThat(client.textsTo(chat)).as("chat %d in order", chat)
                        .containsExactlyElementsOf(IntStream.range(0, rounds).mapToObj(i -> c + "#" + i).toList());
            }
        } finally {
            members.shutdownNow();
        }
    }

    @Test
    void stopFinishesTheCallInFlightAndHandsBackRowsNotYetSent() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_stop");
        CountDownLatch callStarted = new CountDownLatch(1);
        CountDownLatch mayAnswer = new CountDownLatch(1);
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM).answering(m -> {
            if ("slow".equals(m.text())) {
                callStarted.countDown();
                try {
                    mayAnswer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        // One message a second per chat, no burst: the second message of chat 2 waits in memory, leased.
        try (OutboundStack stack = stack(db, properties("stopping", "chat-per-second", "1", "chat-burst", "1"), client)) {
            stack.sender.start();
            long slow = stack.enqueue(List.of(text(1, "slow"))).get(0);
            List<Long> chat2 = stack.enqueue(List.of(text(2, "now"), text(2, "waits")));
            assertThat(callStarted.await(30, TimeUnit.SECONDS)).isTrue();
            await("first of chat 2 sent and second leased", () -> "SENT".equals(stack.status(chat2.get(0)))
                    && "CLAIMED".equals(stack.status(chat2.get(1))));

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(stack.sender::stop);
            await("stop begun", () -> !stack.sender.isRunning());
            mayAnswer.countDown();
            stopping.get(30, TimeUnit.SECONDS);

            assertThat(stack.status(slow)).as("the call in flight was finished and recorded").isEqualTo("SENT");
            assertThat(stack.status(chat2.get(1))).as("the waiting row was handed back").isEqualTo("PENDING");
            assertThat(stack.count("claimed_by IS NOT NULL")).isZero();
            assertThat(client.textsTo(2)).containsExactly("now");
        }
    }

    @Test
    void leasesABroadcastWrittenInOneTransactionOnlyUpToTwiceItsShare() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_share");
        CountDownLatch mayAnswer = new CountDownLatch(1);
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM).answering(m -> {
            try {
                mayAnswer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        try (OutboundStack stack = stack(db, properties("share", "poll-interval", "1h", "max-in-flight", "10"), client)) {
            stack.sender.start();
            List<OutboundMessage> broadcast = new ArrayList<>();
            for (long chat = 1; chat <= 100; chat++) {
                broadcast.add(text(chat, "news"));
            }
            stack.enqueue(broadcast);

            await("leased", () -> stack.count("status = 'CLAIMED'") == 20);
            await("all leased rows in flight", () -> stack.sender.inFlight() == 20);
            assertThat(stack.count("status = 'PENDING'")).isEqualTo(80);
            mayAnswer.countDown();
            // the rest wait in memory and are claimed as room is made (the poller sleeps for an hour)
            await("all sent", () -> stack.count("status = 'SENT'") == 100);
            assertThat(client.calls()).hasSize(100);
        } finally {
            mayAnswer.countDown();
        }
    }

    @Test
    void rowsQueuedLongerThanTheirLeaseAreSentOnceEach() {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_renew");
        // One thread, 100 ms a call, 30 rows leased at once: the last ones wait about three leases in memory.
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM).answering(m -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        try (OutboundStack stack = stack(db, properties("renewing", "sender-threads", "1", "lease", "1s",
                "max-in-memory-wait", "500ms", "max-in-flight", "30"), client)) {
            stack.sender.start();
            List<OutboundMessage> rows = new ArrayList<>();
            for (long chat = 1; chat <= 30; chat++) {
                rows.add(text(chat, "once " + chat));
            }
            stack.enqueue(rows);

            await("all sent", () -> stack.count("status = 'SENT'") == 30);
            // the single sender thread runs its queue in order: once this is sent, every queued copy had its turn
            long marker = stack.enqueue(List.of(text(31, "marker"))).get(0);
            await("marker sent", () -> "SENT".equals(stack.status(marker)));

            assertThat(client.calls()).hasSize(31);
            assertThat(client.calls().stream().map(c -> c.message().text()).distinct()).hasSize(31);
        }
    }

    @Test
    void aQueuedRowWhoseLeaseWasTakenOverIsNotSentHere() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outbox_lost");
        CountDownLatch callStarted = new CountDownLatch(1);
        CountDownLatch mayAnswer = new CountDownLatch(1);
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.TELEGRAM).answering(m -> {
            if ("first".equals(m.text())) {
                callStarted.countDown();
                try {
                    mayAnswer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        try (OutboundStack stack = stack(db, properties("stalled", "sender-threads", "1", "lease", "400ms",
                "max-in-memory-wait", "200ms"), client)) {
            stack.sender.start();
            stack.enqueue(List.of(text(1, "first"), text(2, "second"), text(3, "third")));
            assertThat(callStarted.await(30, TimeUnit.SECONDS)).isTrue();
            await("all three leased here", () -> stack.count("status = 'CLAIMED' AND claimed_by = 'stalled'") == 3);

            // what another instance does once a stalled instance's leases ran out
            stack.jdbc.update("UPDATE outbound_message SET claimed_by = 'other', claimed_until = ? "
                    + "WHERE chat_id IN (2, 3)", java.time.OffsetDateTime.now().plusHours(1));
            await("the taken rows forgotten here", () -> stack.sender.inFlight() == 1);
            mayAnswer.countDown();
            // the single sender thread runs its queue in order: once this is sent, the forgotten rows had their turn
            long marker = stack.enqueue(List.of(text(4, "fourth"))).get(0);
            await("marker sent", () -> "SENT".equals(stack.status(marker)));

            assertThat(client.textsTo(1)).containsExactly("first");
            assertThat(client.textsTo(2)).isEmpty();
            assertThat(client.textsTo(3)).isEmpty();
            assertThat(stack.count("status = 'CLAIMED' AND claimed_by = 'other'")).isEqualTo(2);
        } finally {
            mayAnswer.countDown();
        }
    }
}

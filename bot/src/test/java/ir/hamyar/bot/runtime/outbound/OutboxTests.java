package ir.hamyar.bot.runtime.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.MessengerClient.SendResult;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.outbound.OutboundTestConfiguration.RecordingListener;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.testing.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static ir.hamyar.bot.runtime.outbound.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = OutboundTestConfiguration.class, properties = {
        "hamyar.outbound.poll-interval=50ms",
        "hamyar.outbound.lease=2s",
        "hamyar.outbound.max-in-memory-wait=1s",
        "hamyar.outbound.bot-per-second=100000",
        "hamyar.outbound.bot-burst=100000",
        "hamyar.outbound.chat-per-second=100000",
        "hamyar.outbound.chat-burst=100000",
        "hamyar.outbound.group-per-minute=6000000",
        "hamyar.outbound.group-burst=100000",
        "hamyar.outbound.max-attempts=3",
        "hamyar.outbound.backoff-initial=50ms",
        "hamyar.outbound.backoff-max=200ms",
        "hamyar.outbound.instance-id=outbox-tests"})
@ContextConfiguration(initializers = PostgresInitializer.class)
class OutboxTests {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    ChatReachability reachability;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("telegramClient")
    RecordingMessengerClient telegram;
    @Autowired
    @Qualifier("baleClient")
    RecordingMessengerClient bale;
    @Autowired
    RecordingListener listener;
    @Autowired
    OutboundMetrics metrics;

    private static ChatRef telegramChat(long id) {
        return new ChatRef(Platform.TELEGRAM, id);
    }

    private List<Long> enqueueCommitted(List<OutboundMessage> messages, String reference) {
        return tx.execute(s -> outbox.enqueue(messages, reference));
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbound_message WHERE id = ?", String.class, id);
    }

    @Test
    void refusesToEnqueueOutsideATransaction() {
        OutboundMessage message = OutboundMessage.sendText(telegramChat(1), "hi", false, null);

        assertThatThrownBy(() -> outbox.enqueue(List.of(message), null)).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE chat_id = 1", Integer.class)).isZero();
    }

    @Test
    void sendsNothingWhenTheEnqueueingTransactionRollsBack() {
        tx.executeWithoutResult(s -> {
            outbox.enqueue(List.of(OutboundMessage.sendText(telegramChat(2), "rolled back", false, null)), null);
            s.setRollbackOnly();
        });
        List<Long> committed = enqueueCommitted(
                List.of(OutboundMessage.sendText(telegramChat(2), "committed", false, null)), null);

        await("the committed message is sent", () -> "SENT".equals(status(committed.get(0))));
        assertThat(telegram.textsTo(2)).containsExactly("committed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE chat_id = 2", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theTransactionThatWritesAChatsFirstRowClaimsItAndTheSenderTakesItAfterCommit() {
        double writtenBefore = claimed("written");
        List<String> seenInTransaction = new ArrayList<>();
        List<Long> ids = tx.execute(s -> {
            List<Long> written = outbox.enqueue(List.of(OutboundMessage.sendText(telegramChat(4), "first", false, null),
                    OutboundMessage.sendText(telegramChat(4), "second", false, null)), null);
            seenInTransaction.addAll(jdbc.queryForList("SELECT status || ' ' || coalesce(claimed_by, '-') "
                    + "FROM outbound_message WHERE id = ANY(?) ORDER BY id", String.class, (Object) written.toArray(new Long[0])));
            return written;
        });

        // the chat's first row leased to this sender by the writing transaction, its second waiting its turn
        assertThat(seenInTransaction).containsExactly("CLAIMED outbox-tests", "PENDING -");
        await("both sent", () -> "SENT".equals(status(ids.get(1))));
        assertThat(telegram.textsTo(4)).containsExactly("first", "second");
        assertThat(claimed("written") - writtenBefore).isEqualTo(1);
    }

    private double claimed(String path) {
        var counter = metrics.registry().find("hamyar.outbox.claimed").tag("path", path).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void sendsACommittedMessageOnceAndMarksItSentWithTheMessageId() {
        List<Long> ids = enqueueCommitted(
                List.of(OutboundMessage.sendText(telegramChat(3), "<b>hello</b>", true, null)), "greeting:3");

        await("sent", () -> "SENT".equals(status(ids.get(0))));

        List<RecordingMessengerClient.Call> calls = telegram.calls().stream()
                .filter(c -> c.message().chatId() == 3).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).message().html()).isTrue();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT sent_message_id, sent_at, claimed_by, attempts FROM outbound_message WHERE id = ?", ids.get(0));
        assertThat(row.get("sent_message_id")).isEqualTo(calls.get(0).messageId());
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("claimed_by")).isNull();
        await("listener told", () -> listener.deliveries().stream().anyMatch(d -> d.outboxId() == ids.get(0)));
        RecordingListener.Delivery delivery = listener.deliveries().stream()
                .filter(d -> d.outboxId() == ids.get(0)).findFirst().orElseThrow();
        assertThat(delivery.reference()).isEqualTo("greeting:3");
        assertThat(delivery.result()).isEqualTo(new SendResult.Ok(calls.get(0).messageId()));
        MeterRegistry meters = metrics.registry();
        assertThat(meters.get("hamyar.messages.sent").tag("platform", "telegram").counter().count()).isPositive();
    }

    @Test
    void keepsEachChatsOrderAcrossTransactions() {
        List<Long> all = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            List<OutboundMessage> messages = new ArrayList<>();
            for (long chat = 10; chat < 13; chat++) {
                for (int i = 0; i < 3; i++) {
                    messages.add(OutboundMessage.sendText(telegramChat(chat), chat + "#" + (batch * 3 + i), false, null));
                }
            }
            all.addAll(enqueueCommitted(messages, null));
        }

        await("all sent", () -> all.stream().allMatch(id -> "SENT".equals(status(id))));

        for (long chat = 10; chat < 13; chat++) {
            long c = chat;
            assertThat(telegram.textsTo(chat)).containsExactlyElementsOf(
                    IntStream.range(0, 30).mapToObj(i -> c + "#" + i).toList());
        }
    }

    @Test
    void sendsTheSplitPartsOfALongTextInOrderWithTheKeyboardOnTheLast() {
        String text = MessageSplitterTests.longText();
        List<Long> ids = enqueueCommitted(List.of(
                OutboundMessage.sendText(telegramChat(20), text, false, MessageSplitterTests.KEYBOARD)), null);

        assertThat(ids).hasSize(3);
        await("all parts sent", () -> ids.stream().allMatch(id -> "SENT".equals(status(id))));
        List<RecordingMessengerClient.Call> calls = telegram.calls().stream()
                .filter(c -> c.message().chatId() == 20).toList();
        assertThat(calls).hasSize(3);
        assertThat(calls.stream().map(c -> c.message().text()).collect(Collectors.joining("\n"))).isEqualTo(text);
        assertThat(calls.stream().map(c -> c.message().keyboard()).toList())
                .containsExactly(null, null, MessageSplitterTests.KEYBOARD);
    }

    @Test
    void recoversARowLeasedByACrashedInstanceOnceTheLeaseRunsOut() {
        OffsetDateTime leaseEnd = OffsetDateTime.now().plusSeconds(1);
        // Another instance wrote and claimed the row and died before sending it (as Outbox.enqueue claims it there).
        OutboundMessage message = OutboundMessage.sendText(telegramChat(30), "after the crash", false, null);
        List<Long> ids = jdbc.queryForList("INSERT INTO outbound_message (platform, chat_id, chat_key, op, payload, "
                + "status, attempts, not_before, created_at, claimed_by, claimed_until) VALUES ('TELEGRAM', 30, ?, "
                + "'SEND_TEXT', ?, 'CLAIMED', 0, now(), now(), 'crashed', ?) RETURNING id", Long.class,
                message.chat().key(), new PayloadCodec().encode(message), leaseEnd);

        await("recovered and sent", () -> "SENT".equals(status(ids.get(0))));

        List<RecordingMessengerClient.Call> calls = telegram.calls().stream()
                .filter(c -> c.message().chatId() == 30).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).at()).isAfterOrEqualTo(leaseEnd.toInstant());
    }

    @Test
    void retriesATransientFailureWithBackOffAndFinallyMarksTheRowFailedWithTheReason() {
        bale.answering(m -> m.chatId() == 40 ? new SendResult.Transient("502 Bad Gateway") : null);
        List<Long> ids = enqueueCommitted(List.of(
                OutboundMessage.sendText(new ChatRef(Platform.BALE, 40), "doomed", false, null),
                OutboundMessage.sendText(new ChatRef(Platform.BALE, 41), "fine", false, null)), "pair");

        await("failed", () -> "FAILED".equals(status(ids.get(0))));

        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_error FROM outbound_message WHERE id = ?",
                ids.get(0));
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("502 Bad Gateway");
        List<Instant> times = bale.calls().stream().filter(c -> c.message().chatId() == 40)
                .map(RecordingMessengerClient.Call::at).toList();
        assertThat(times).hasSize(3);
        assertThat(java.time.Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(50));
        assertThat(java.time.Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(100));
        assertThat(status(ids.get(1))).isEqualTo("SENT");
        await("listener told", () -> listener.deliveries().stream()
                .anyMatch(d -> d.outboxId() == ids.get(0) && d.result() instanceof SendResult.Transient));
    }

    @Test
    void marksARowUnreachableRecordsTheChatAndForgetsItWhenTheChatSpeaksAgain() {
        ChatRef group = telegramChat(-50);
        telegram.answering(m -> m.chatId() == -50 ? new SendResult.Unreachable("403 Forbidden: bot was kicked") : null);
        List<Long> ids = enqueueCommitted(List.of(OutboundMessage.sendText(group, "alert", false, null)), null);

        await("unreachable", () -> "UNREACHABLE".equals(status(ids.get(0))));

        assertThat(telegram.textsTo(-50)).hasSize(1);
        assertThat(reachability.isUnreachable(group)).isTrue();
        assertThat(jdbc.queryForMap("SELECT platform, chat_id, chat_type, unreachable_reason FROM conversation "
                + "WHERE chat_key = ?", group.key()))
                .containsEntry("chat_type", "GROUP")
                .containsEntry("unreachable_reason", "403 Forbidden: bot was kicked");
        reachability.markReachable(group);
        assertThat(reachability.isUnreachable(group)).isFalse();
        assertThat(reachability.isUnreachable(telegramChat(-51))).isFalse();
    }

    @Test
    void sendsDocumentsWithTheirBytesIntact() {
        byte[] content = {0, 1, 2, (byte) 0xff, 42};
        OutboundMessage document = new OutboundMessage(OutboundMessage.Op.SEND_DOCUMENT, Platform.TELEGRAM, 60, "caption",
                false, null, null, null, null, "export.json", content);
        List<Long> ids = enqueueCommitted(List.of(document), null);

        await("sent", () -> "SENT".equals(status(ids.get(0))));

        OutboundMessage sent = telegram.calls().stream().filter(c -> c.message().chatId() == 60).findFirst()
                .orElseThrow().message();
        assertThat(sent.content()).isEqualTo(content);
        assertThat(sent.fileName()).isEqualTo("export.json");
    }

    @Test
    void sendsNothingWhileStoppedAndCatchesUpAfterRestart() {
        sender.stop();
        try {
            List<Long> ids = enqueueCommitted(List.of(OutboundMessage.sendText(telegramChat(70), "later", false, null)), null);
            assertThat(status(ids.get(0))).isEqualTo("PENDING");
            assertThat(telegram.textsTo(70)).isEmpty();

            sender.start();
            await("sent after restart", () -> "SENT".equals(status(ids.get(0))));
        } finally {
            sender.start();
        }
        assertThat(telegram.textsTo(70)).containsExactly("later");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE status = 'CLAIMED' "
                + "AND claimed_by = 'outbox-tests' AND chat_id = 70", Integer.class)).isZero();
    }
}

package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static ir.hamyar.bot.runtime.outbound.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup default database: the outbox's SQL (leases, SKIP LOCKED, batch keys) must work on H2 too. */
class OutboxOnH2Tests {

    @Test
    void sendsInChatOrderAndRecordsUnreachableChatsOnH2() {
        RecordingMessengerClient client = new RecordingMessengerClient(Platform.BALE)
                .answering(m -> m.chatId() == 9 ? new ir.hamyar.bot.runtime.MessengerClient.SendResult.Unreachable("403") : null);
        OutboundProperties properties = TestProperties.outbound("poll-interval", "20ms", "instance-id", "h2",
                "chat-per-second", "100000", "chat-burst", "100000", "bot-per-second", "100000");
        String url = "jdbc:h2:mem:outbox" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (OutboundStack stack = new OutboundStack(url, "sa", "", properties, List.of(client))) {
            stack.sender.start();
            List<OutboundMessage> messages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                messages.add(OutboundMessage.sendText(new ChatRef(Platform.BALE, 1 + i % 2), "m" + i, false, null));
            }
            messages.add(OutboundMessage.sendText(new ChatRef(Platform.BALE, 9), "blocked", false, null));
            List<Long> ids = stack.enqueue(messages);

            await("all done", () -> stack.count("status IN ('SENT', 'UNREACHABLE')") == 21);

            assertThat(ids).hasSize(21).doesNotHaveDuplicates();
            assertThat(client.textsTo(1)).containsExactlyElementsOf(
                    IntStream.range(0, 10).mapToObj(i -> "m" + (2 * i)).toList());
            assertThat(client.textsTo(2)).containsExactlyElementsOf(
                    IntStream.range(0, 10).mapToObj(i -> "m" + (2 * i + 1)).toList());
            assertThat(new ChatReachability(stack.jdbc).isUnreachable(new ChatRef(Platform.BALE, 9))).isTrue();
        }
    }
}

package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.User;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-polling consumer: stores each batch before returning, and lingers after a batch that was not full. */
class PollingConsumerTests {

    private final List<String> events = new ArrayList<>();

    private PollingConsumer consumer(int limit, Duration linger) {
        return new PollingConsumer(Platform.TELEGRAM, updates -> events.add("stored " + updates.size()), limit, linger,
                d -> events.add("lingered " + d.toMillis() + " ms"));
    }

    @Test
    void aBatchSmallerThanTheLimitIsStoredThenLingersBeforeTheNextAsk() {
        consumer(100, Duration.ofMillis(10)).consume(updates(3));
        assertThat(events).containsExactly("stored 3", "lingered 10 ms");
    }

    @Test
    void aFullBatchAsksAgainAtOnce() {
        consumer(5, Duration.ofMillis(10)).consume(updates(5));
        assertThat(events).containsExactly("stored 5");
    }

    @Test
    void noLingerWhenItIsZero() {
        consumer(100, Duration.ZERO).consume(updates(1));
        assertThat(events).containsExactly("stored 1");
    }

    @Test
    void aClosedConsumerNeitherStoresNorLingers() {
        PollingConsumer c = consumer(100, Duration.ofMillis(10));
        c.close();
        c.consume(updates(2));
        assertThat(events).isEmpty();
    }

    @Test
    void anInterruptedLingerReturnsWithTheInterruptKept() {
        List<Inbound> stored = new ArrayList<>();
        PollingConsumer c = new PollingConsumer(Platform.TELEGRAM, stored::addAll, 100, Duration.ofSeconds(30), d -> {
            throw new InterruptedException("shutting down");
        });
        try {
            c.consume(updates(2));
            assertThat(stored).hasSize(2);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear it for the next test on this thread
        }
    }

    private static List<Update> updates(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            User user = new User(7L, "Sara", false);
            Chat chat = Chat.builder().id(7L).type("private").build();
            Message m = new Message();
            m.setMessageId(i + 1);
            m.setFrom(user);
            m.setChat(chat);
            m.setText("m" + i);
            m.setDate(1_700_000_000);
            Update u = new Update();
            u.setUpdateId(1000 + i);
            u.setMessage(m);
            return u;
        }).toList();
    }
}

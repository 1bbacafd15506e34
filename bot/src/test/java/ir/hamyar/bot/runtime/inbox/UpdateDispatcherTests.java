package ir.hamyar.bot.runtime.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.bot.runtime.conversation.UpdateProcessor;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How stored updates are handed to the workers: which chats go into one transaction. */
class UpdateDispatcherTests {

    private final InboxStore inbox = mock(InboxStore.class);
    private final UpdateProcessor processor = mock(UpdateProcessor.class);
    /** The chats of each batch the workers applied, in the order applied. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private UpdateDispatcher dispatcher;

    /** Starts a dispatcher with 8 workers over the mocks; stub the deliveries first (see {@link #delivery}). */
    private UpdateDispatcher start(int batchChats) {
        when(processor.processBatch(anyList(), anyInt())).thenAnswer(call -> {
            List<String> chats = List.copyOf(call.getArgument(0));
            batches.add(chats);
            Map<String, UpdateProcessor.Result> results = new LinkedHashMap<>();
            chats.forEach(c -> results.put(c, UpdateProcessor.Result.DRAINED));
            return results;
        });
        // a long sweep interval: the test sees only what receive() schedules
        dispatcher = new UpdateDispatcher(inbox, processor, new RuntimeProperties(8, Duration.ofHours(6),
                Duration.ofHours(1), 3, batchChats, 10), new SimpleMeterRegistry());
        dispatcher.start();
        return dispatcher;
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    /**
     * One getUpdates answer with updates of {@code chats} private chats. Stubbed before the dispatcher starts: its
     * sweep calls the same mock from another thread, and Mockito's stubbing is not safe against that (a sweep in
     * between took the stubbing and the test waited in vain for chats never scheduled).
     */
    private List<Inbound> delivery(long... chats) {
        List<Inbound> updates = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (long chat : chats) {
            updates.add(new Inbound(Platform.TELEGRAM, chat, Inbound.Kind.MESSAGE, chat, ChatType.PRIVATE, null, chat,
                    "U", "fa", (int) chat, "hi", null, null, null, null, null, null));
            keys.add("T:" + chat);
        }
        when(inbox.store(updates)).thenReturn(keys);
        return updates;
    }

    @Test
    void theChatsOfOneDeliveryAreAppliedTogetherWhileWorkersIdle() {
        List<Inbound> updates = delivery(LongStream.rangeClosed(1, 6).toArray());
        start(16).receive(updates);

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.stream().mapToInt(List::size).sum() == 6);
        // Queued one by one, each chat woke an idle worker: the first applied T:1 alone, the next the other five.
        assertThat(batches).containsExactly(List.of("T:1", "T:2", "T:3", "T:4", "T:5", "T:6"));
    }

    @Test
    void aDeliveryLargerThanABatchIsSplitAndEveryChatIsAppliedOnce() {
        List<Inbound> updates = delivery(LongStream.rangeClosed(1, 10).toArray());
        start(4).receive(updates);

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.stream().mapToInt(List::size).sum() >= 10);
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(4));
        assertThat(batches.stream().flatMap(List::stream).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10).mapToObj(c -> "T:" + c).toList());
    }
}

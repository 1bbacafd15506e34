package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.MessengerClient;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.domain.shared.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** An in-memory messenger: records every call in order and answers Ok with a fresh message id, or as told. */
class RecordingMessengerClient implements MessengerClient {

    record Call(OutboundMessage message, Instant at, long messageId, SendResult result) {
    }

    private final Platform platform;
    private final AtomicLong nextMessageId;
    private final List<Call> calls = new ArrayList<>();
    private volatile Function<OutboundMessage, SendResult> behaviour = m -> null;

    RecordingMessengerClient(Platform platform) {
        this(platform, new AtomicLong(1000));
    }

    /** Shares message ids with other clients (several instances talking to one messenger). */
    RecordingMessengerClient(Platform platform, AtomicLong messageIds) {
        this.platform = platform;
        this.nextMessageId = messageIds;
    }

    /** Answers with what {@code behaviour} returns; null means the default Ok. */
    RecordingMessengerClient answering(Function<OutboundMessage, SendResult> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult execute(OutboundMessage message) {
        SendResult scripted = behaviour.apply(message);
        long id = nextMessageId.incrementAndGet();
        SendResult result = scripted != null ? scripted : new SendResult.Ok(id);
        synchronized (calls) {
            calls.add(new Call(message, Instant.now(), id, result));
        }
        return result;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Texts sent to one chat, in call order. */
    List<String> textsTo(long chatId) {
        return calls().stream().filter(c -> c.message().chatId() == chatId).map(c -> c.message().text()).toList();
    }

    void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }

    static List<OutboundMessage> texts(Platform platform, long chatId, List<String> texts) {
        List<OutboundMessage> out = new ArrayList<>();
        for (String t : texts) {
            out.add(OutboundMessage.sendText(new ir.hamyar.bot.runtime.ChatRef(platform, chatId), t, false, null));
        }
        return out;
    }
}

package ir.hamyar.bot.runtime.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import ir.hamyar.bot.runtime.BotDirectory;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.ChatEventHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundGuard;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.RuntimeProperties;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.StartPolicy;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.bot.runtime.inbox.RuntimeJson;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes one update: global commands first ({@code /start}, {@code /cancel}, {@code /help}, {@code /menu}, back),
 * then the chat's active flow, then stateless commands and button handlers. Pure with respect to I/O: it
 * returns the new conversation state and the replies; the caller persists and sends them.
 */
@Component
class ConversationEngine {

    static final String BACK_CALLBACK = "nav:back";
    private static final Set<String> GLOBAL = Set.of("start", "cancel", "help", "menu");

    record Outcome(ConversationState state, List<Reply> replies) {
    }

    private final Map<String, Flow<?, ?>> flows = new HashMap<>();
    private final Map<String, Flow<?, ?>> flowsByCommand = new HashMap<>();
    private final Map<String, CommandHandler> commands = new HashMap<>();
    private final Map<String, CallbackHandler> callbacks = new HashMap<>();
    private final List<ChatEventHandler> chatEvents;
    private final List<InboundGuard> guards;
    private final Optional<StartPolicy> startPolicy;
    private final MainMenu menu;
    private final ReplyRenderer renderer;
    private final BotDirectory bots;
    private final RuntimeProperties properties;
    /** The back button's label per language, normalised: every text typed in a form is compared with it. */
    private final Map<Locale, String> backLabels = new java.util.concurrent.ConcurrentHashMap<>();

    ConversationEngine(List<Flow<?, ?>> flows, List<CommandHandler> commands, List<CallbackHandler> callbacks,
                       List<ChatEventHandler> chatEvents, List<InboundGuard> guards, Optional<StartPolicy> startPolicy,
                       MainMenu menu, ReplyRenderer renderer, BotDirectory bots, RuntimeProperties properties) {
        for (Flow<?, ?> f : flows) {
            register(this.flows, f.id(), f);
            f.commands().forEach(c -> register(flowsByCommand, c, f));
        }
        for (CommandHandler h : commands) {
            h.commands().forEach(c -> register(this.commands, c, h));
        }
        for (CallbackHandler h : callbacks) {
            register(this.callbacks, h.prefix(), h);
        }
        this.chatEvents = chatEvents;
        this.guards = guards;
        this.startPolicy = startPolicy;
        this.menu = menu;
        this.renderer = renderer;
        this.bots = bots;
        this.properties = properties;
    }

    private static <T> void register(Map<String, T> map, String key, T value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("registered twice: " + key);
        }
    }

    Locale localeOf(ConversationState state) {
        return state.locale() == null ? Texts.FA : Texts.localeOf(state.locale());
    }

    Outcome handle(Inbound in, ConversationState state, Instant now) {
        Run run = new Run(in, state, now);
        switch (in.kind()) {
            case MEMBERSHIP -> chatEvents.forEach(h -> run.collect(h.membershipChanged(in, run.session())));
            case CALLBACK -> run.callback();
            case MESSAGE -> {
                if (in.chatType().isGroup()) {
                    run.groupMessage();
                } else if (in.chatType() == ir.hamyar.bot.runtime.ChatType.PRIVATE) {
                    run.privateMessage();
                }
            }
            case UNSUPPORTED -> {
                // Nothing to say to updates we do not handle (edited messages, polls, channel posts …).
            }
        }
        return new Outcome(run.state, run.replies);
    }

    /** The handling of one update: mutable, short-lived. */
    private final class Run {
        final Inbound in;
        final Instant now;
        ConversationState state;
        final List<Reply> replies = new ArrayList<>();

        Run(Inbound in, ConversationState state, Instant now) {
            this.in = in;
            this.state = state;
            this.now = now;
        }

        Session session() {
            return new Session(in.chat(), in.chatType(), in.userId(), in.userFirstName(), localeOf(state));
        }

        void privateMessage() {
            String command = in.command();
            if (state.expired(now)) {
                state = state.idle();
                replies.add(Reply.text("runtime.expired"));
                if (command == null) {
                    showMenu();
                    return;
                }
            }
            if (command == null) {
                command = menu.commandForLabel(in.text(), localeOf(state)).orElse(null);
            }
            if ("cancel".equals(command)) {
                state = state.idle();
                replies.add(Reply.text(Text.of("runtime.cancelled"), menu.keyboard()));
                return;
            }
            if ("help".equals(command)) {
                replies.add(Reply.text("runtime.help"));
                if (state.inFlow()) {
                    reprompt();
                }
                return;
            }
            if (guarded(command)) {
                return;
            }
            if ("start".equals(command)) {
                state = state.idle();
                Optional<String> flowId = startPolicy.flatMap(p -> p.flowOnStart(in, session()));
                if (flowId.isPresent() && flows.containsKey(flowId.get())) {
                    begin(flows.get(flowId.get()));
                } else {
                    replies.add(Reply.text(Text.of("runtime.greeting"), menu.keyboard()));
                }
                return;
            }
            if ("menu".equals(command)) {
                state = state.idle();
                showMenu();
                return;
            }
            if (state.inFlow() && command == null) {
                if (isBackLabel(in.text())) {
                    back();
                } else {
                    input();
                }
                return;
            }
            if (command != null) {
                // A command in the middle of a form leaves the form: the user asked for something else.
                runCommand(command);
                return;
            }
            replies.add(Reply.text(Text.of("runtime.unexpected_input"), menu.keyboard()));
        }

        boolean guarded(String command) {
            for (InboundGuard g : guards) {
                Optional<List<Reply>> stop = g.check(in, session(), command, state.flow());
                if (stop.isPresent()) {
                    collect(stop.get());
                    return true;
                }
            }
            return false;
        }

        void runCommand(String command) {
            Flow<?, ?> flow = flowsByCommand.get(command);
            if (flow != null) {
                state = state.idle();
                begin(flow);
                return;
            }
            CommandHandler handler = commands.get(command);
            if (handler != null) {
                state = state.idle();
                collect(handler.handle(in, session()));
                return;
            }
            replies.add(Reply.text("runtime.unknown_command"));
            if (state.inFlow()) {
                reprompt();
            }
        }

        void groupMessage() {
            String command = in.command();
            if (command == null) {
                return; // the bot listens to commands only in groups
            }
            String mention = in.commandMention();
            Optional<String> me = bots.username(in.platform());
            if (mention != null && me.isPresent() && !mention.equalsIgnoreCase(me.get())) {
                return; // meant for another bot
            }
            CommandHandler handler = commands.get(command);
            if (handler != null && handler.inGroups()) {
                collect(handler.handle(in, session()));
            }
        }

        void callback() {
            String data = in.callbackData() == null ? "" : in.callbackData();
            if (BACK_CALLBACK.equals(data) && state.inFlow() && !state.expired(now)) {
                back();
            } else if (state.inFlow() && !state.expired(now) && data.startsWith(state.flow() + ":")) {
                input();
            } else if (data.startsWith(Button.COMMAND_PREFIX) && in.chatType() == ChatType.PRIVATE) {
                String command = data.substring(Button.COMMAND_PREFIX.length());
                if (!guarded(command)) {
                    runCommand(command);
                }
            } else {
                int colon = data.indexOf(':');
                String prefix = colon < 0 ? data : data.substring(0, colon);
                CallbackHandler handler = callbacks.get(prefix);
                Flow<?, ?> starter = flows.get(prefix);
                if (starter != null && in.chatType() == ir.hamyar.bot.runtime.ChatType.PRIVATE
                        && starter.startsFromCallback(data)) {
                    if (!guarded(null)) {
                        state = state.idle();
                        begin(starter);
                    }
                } else if (handler != null && !flows.containsKey(prefix)) {
                    collect(handler.handle(in, session()));
                } else if (in.chatType() == ir.hamyar.bot.runtime.ChatType.PRIVATE && state.expired(now)) {
                    state = state.idle();
                    replies.add(new Reply.AnswerCallback(null, in.callbackId(), Text.of("runtime.expired")));
                    replies.add(Reply.text(Text.of("runtime.expired"), menu.keyboard()));
                } else {
                    replies.add(new Reply.AnswerCallback(null, in.callbackId(), Text.of("runtime.callback_stale")));
                }
            }
            boolean answered = replies.stream().anyMatch(r -> r instanceof Reply.AnswerCallback);
            if (!answered) {
                replies.add(0, new Reply.AnswerCallback(null, in.callbackId(), null));
            }
        }

        void showMenu() {
            replies.add(Reply.text(Text.of("runtime.menu_title"), menu.keyboard()));
        }

        boolean isBackLabel(String text) {
            if (text == null) {
                return false;
            }
            String label = backLabels.computeIfAbsent(localeOf(state),
                    l -> PersianText.normalize(renderer.label(Text.of("common.back"), l)));
            return PersianText.normalize(text).equals(label);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void begin(Flow flow) {
            apply(flow, null, flow.begin(session(), in));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void input() {
            Flow flow = flows.get(state.flow());
            if (flow == null) {
                state = state.idle();
                showMenu();
                return;
            }
            Enum step = Enum.valueOf(flow.stepType(), state.step());
            Object draft = readDraft(flow, state.draft());
            apply(flow, step, flow.onInput(step, draft, in, session()));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void back() {
            Flow flow = flows.get(state.flow());
            if (flow == null) {
                state = state.idle();
                showMenu();
                return;
            }
            Enum step = Enum.valueOf(flow.stepType(), state.step());
            Object draft = readDraft(flow, state.draft());
            Enum previous = flow.previous(step, draft);
            if (previous == null) {
                state = state.idle();
                replies.add(Reply.text(Text.of("runtime.cancelled"), menu.keyboard()));
                return;
            }
            state = new ConversationState(flow.id(), previous.name(), state.draft(), state.locale(), expiry());
            collect(flow.prompt(previous, draft, session()));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void reprompt() {
            Flow flow = flows.get(state.flow());
            if (flow != null) {
                Enum step = Enum.valueOf(flow.stepType(), state.step());
                collect(flow.prompt(step, readDraft(flow, state.draft()), session()));
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void apply(Flow flow, Enum current, Transition t) {
            collect(t.replies());
            if (t instanceof Transition.GoTo g) {
                state = new ConversationState(flow.id(), g.step().name(), writeDraft(g.draft()), state.locale(), expiry());
                collect(flow.prompt(g.step(), g.draft(), session()));
            } else if (t instanceof Transition.Reask r) {
                replies.add(Reply.text(r.hint()));
                if (current != null) {
                    collect(flow.prompt(current, readDraft(flow, state.draft()), session()));
                }
            } else if (t instanceof Transition.Stay s) {
                if (current != null) {
                    state = new ConversationState(flow.id(), current.name(), writeDraft(s.draft()), state.locale(), expiry());
                }
            } else {
                state = state.idle();
                finishWithMenu();
            }
        }

        /** Adds replies, applying language switches to the state as they come. */
        void collect(List<Reply> more) {
            for (Reply r : more) {
                if (r instanceof Reply.SwitchLanguage l && (l.chat() == null || l.chat().equals(in.chat()))) {
                    state = state.withLocale(l.locale());
                } else {
                    replies.add(r);
                }
            }
        }

        /** After a form ends the main menu comes back: on the last message if it has no keyboard of its own. */
        void finishWithMenu() {
            for (int i = replies.size() - 1; i >= 0; i--) {
                if (replies.get(i) instanceof Reply.Send s && s.chat() == null) {
                    if (s.keyboard() == null) {
                        replies.set(i, new Reply.Send(null, s.text(), menu.keyboard(), s.reference()));
                    }
                    return; // a message with its own keyboard (e.g. one removing it) is left as the flow made it
                }
            }
            showMenu();
        }

        Instant expiry() {
            return ConversationState.expiryAfter(now, properties.conversationTtl());
        }
    }

    /** See {@link InboundGuard#prepare}: the guards may read what they need for a whole batch at once. */
    void prepare(List<Inbound> batch) {
        guards.forEach(g -> g.prepare(batch));
    }

    void batchDone() {
        guards.forEach(InboundGuard::batchDone);
    }

    Keyboard mainMenu() {
        return menu.keyboard();
    }

    static Object readDraft(Flow<?, ?> flow, String json) {
        try {
            if (json == null) {
                return null;
            }
            return RuntimeJson.MAPPER.readValue(json, flow.draftType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable draft of flow " + flow.id(), e);
        }
    }

    static String writeDraft(Object draft) {
        try {
            return draft == null ? null : RuntimeJson.MAPPER.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise draft", e);
        }
    }
}

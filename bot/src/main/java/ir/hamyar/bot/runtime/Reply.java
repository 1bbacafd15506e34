package ir.hamyar.bot.runtime;

/**
 * What a flow asks to be sent, in messenger-neutral form. The runtime renders texts in the chat's language
 * and writes them to the durable outbox in the update's transaction; they are sent after commit.
 */
public sealed interface Reply {

    /** The chat to send to; null means "the chat the update came from". */
    ChatRef chat();

    record Send(ChatRef chat, Text text, Keyboard keyboard, String reference) implements Reply {
    }

    /** Replace text and inline keyboard of an earlier bot message. */
    record Edit(ChatRef chat, long messageId, Text text, Keyboard keyboard) implements Reply {
    }

    /** Answer a callback query: every callback is answered, with an optional short notice. */
    record AnswerCallback(ChatRef chat, String callbackId, Text notice) implements Reply {
    }

    record SendPhoto(ChatRef chat, String photo, Text caption, Keyboard keyboard) implements Reply {
    }

    /** A generated image (a chart) uploaded as a photo: shown inline in the chat, not as a file. */
    record SendImage(ChatRef chat, String fileName, byte[] png, Text caption) implements Reply {
    }

    /** A generated file (export, certificate) sent as a document. */
    record SendDocument(ChatRef chat, String fileName, byte[] content, Text caption) implements Reply {
    }

    /** Switch the chat's language ("fa"/"en"); replies after it in the same answer use the new one. */
    record SwitchLanguage(ChatRef chat, String locale) implements Reply {
    }

    static Send text(Text text) {
        return new Send(null, text, null, null);
    }

    static Send text(Text text, Keyboard keyboard) {
        return new Send(null, text, keyboard, null);
    }

    static Send text(String key, Object... args) {
        return new Send(null, Text.of(key, args), null, null);
    }

    static Send to(ChatRef chat, Text text, Keyboard keyboard) {
        return new Send(chat, text, keyboard, null);
    }
}

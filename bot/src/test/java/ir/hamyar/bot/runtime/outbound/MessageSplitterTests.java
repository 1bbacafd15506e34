package ir.hamyar.bot.runtime.outbound;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedButton;
import ir.hamyar.bot.runtime.OutboundMessage.RenderedKeyboard;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSplitterTests {

    static final RenderedKeyboard KEYBOARD = new RenderedKeyboard(Keyboard.Kind.INLINE,
            List.of(List.of(new RenderedButton("OK", "ok:1", null, Button.Request.NONE))));

    /** 10,000 characters in numbered lines of 50, so that order and completeness can be checked. */
    static String longText() {
        String text = IntStream.range(0, 200)
                .mapToObj(i -> String.format("line %04d ", i) + "x".repeat(39))
                .collect(Collectors.joining("\n"));
        return text + "\n" + "y".repeat(10_000 - text.length() - 1);
    }

    @Test
    void splitsALongTextOnLineEndsIntoOrderedPartsWithTheKeyboardOnTheLast() {
        String text = longText();
        assertThat(text).hasSize(10_000);
        OutboundMessage message = OutboundMessage.sendText(new ChatRef(Platform.TELEGRAM, 5), text, true, KEYBOARD);

        List<OutboundMessage> parts = MessageSplitter.split(message);

        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.text().length()).isLessThanOrEqualTo(4096);
            assertThat(p.op()).isEqualTo(OutboundMessage.Op.SEND_TEXT);
            assertThat(p.html()).isTrue();
        });
        assertThat(parts.stream().map(OutboundMessage::text).collect(Collectors.joining("\n"))).isEqualTo(text);
        assertThat(parts.get(1).text()).startsWith("line ");
        assertThat(parts.subList(0, 2)).allSatisfy(p -> assertThat(p.keyboard()).isNull());
        assertThat(parts.get(2).keyboard()).isEqualTo(KEYBOARD);
    }

    @Test
    void leavesAShortTextAlone() {
        OutboundMessage message = OutboundMessage.sendText(new ChatRef(Platform.BALE, 5), "سلام", false, KEYBOARD);

        assertThat(MessageSplitter.split(message)).containsExactly(message);
    }

    @Test
    void cutsALineWithoutLineEndsAtSpacesAndNeverInsideASurrogatePair() {
        String words = "word ".repeat(1000);
        assertThat(MessageSplitter.parts(words, 4096)).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(4096);
            assertThat(p).doesNotStartWith(" ").matches("(word ?)+");
        });

        String emoji = "\uD83D\uDE00".repeat(3000);
        List<String> parts = MessageSplitter.parts(emoji, 4095);
        assertThat(String.join("", parts)).isEqualTo(emoji);
        assertThat(parts).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
    }

    @Test
    void sendsALongCaptionAsTextsAfterTheBarePhoto() {
        OutboundMessage photo = new OutboundMessage(OutboundMessage.Op.SEND_PHOTO, Platform.TELEGRAM, 5,
                "c".repeat(2000), false, KEYBOARD, null, null, "file-id", null, null);

        List<OutboundMessage> parts = MessageSplitter.split(photo);

        assertThat(parts).extracting(OutboundMessage::op)
                .containsExactly(OutboundMessage.Op.SEND_PHOTO, OutboundMessage.Op.SEND_TEXT);
        assertThat(parts.get(0).text()).isNull();
        assertThat(parts.get(0).keyboard()).isNull();
        assertThat(parts.get(1).text()).hasSize(2000);
        assertThat(parts.get(1).keyboard()).isEqualTo(KEYBOARD);
    }

    @Test
    void cutsAnEditThatCannotBecomeSeveralMessages() {
        OutboundMessage edit = new OutboundMessage(OutboundMessage.Op.EDIT_TEXT, Platform.TELEGRAM, 5, longText(),
                false, KEYBOARD, 77L, null, null, null, null);

        List<OutboundMessage> parts = MessageSplitter.split(edit);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).text().length()).isLessThanOrEqualTo(4096);
        assertThat(parts.get(0).messageId()).isEqualTo(77L);
        assertThat(parts.get(0).keyboard()).isEqualTo(KEYBOARD);
    }
}

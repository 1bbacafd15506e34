package ir.hamyar.bot.runtime;

import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a message's text is read as a command: word, mention and argument, split at the first whitespace. */
class InboundCommandTests {

    private static Inbound text(String text) {
        return new Inbound(Platform.TELEGRAM, 1, Inbound.Kind.MESSAGE, 5, ChatType.PRIVATE, null, 5, "U", "fa", 1, text,
                null, null, null, null, null, null);
    }

    @Test
    void theCommandIsTheFirstWordWithoutSlashAndMentionInLowerCase() {
        assertThat(text("/start").command()).isEqualTo("start");
        assertThat(text("/Start@hamyar_bot ref_abc").command()).isEqualTo("start");
        assertThat(text("/link\tx").command()).isEqualTo("link");
        assertThat(text("/help\nmore").command()).isEqualTo("help");
        assertThat(text("hello /start").command()).isNull();
        assertThat(text(null).command()).isNull();
    }

    @Test
    void theMentionAndTheArgumentAreWhatFollowTheCommandWord() {
        assertThat(text("/link@hamyar_bot").commandMention()).isEqualTo("hamyar_bot");
        assertThat(text("/link").commandMention()).isNull();
        assertThat(text("/start  ref_abc ").commandArgument()).isEqualTo("ref_abc");
        assertThat(text("/start\nref_abc").commandArgument()).isEqualTo("ref_abc");
        assertThat(text("/start").commandArgument()).isEmpty();
        assertThat(text("start x").commandArgument()).isEmpty();
    }
}

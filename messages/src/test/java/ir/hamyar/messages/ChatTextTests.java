package ir.hamyar.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChatTextTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a < b && c > d|a &lt; b &amp;&amp; c &gt; d",
            "<b>bold</b>|&lt;b&gt;bold&lt;/b&gt;",
            "He said \"hi\"|He said &quot;hi&quot;",
            "it's|it&#39;s",
            "&amp;|&amp;amp;",
            "سلام علی|سلام علی",
            "``|``"})
    void escapesTextForTelegramHtml(String text, String expected) {
        assertThat(ChatText.escapeHtml(text)).isEqualTo(expected);
    }

    @Test
    void escapingNullGivesEmpty() {
        assertThat(ChatText.escapeHtml(null)).isEmpty();
    }

    static Stream<Arguments> htmlToPlainCases() {
        return Stream.of(
                arguments("<b>bold</b> <i>it</i> <u>u</u> <s>s</s>", "bold it u s"),
                arguments("<strong>a</strong><em>b</em><ins>c</ins><strike>d</strike><del>e</del>", "abcde"),
                arguments("<code>x &lt; y</code>", "x < y"),
                arguments("<pre><code class=\"language-java\">int a;</code></pre>", "int a;"),
                arguments("<tg-spoiler>secret</tg-spoiler> <span class=\"tg-spoiler\">too</span>", "secret too"),
                arguments("<blockquote expandable>quote</blockquote>", "quote"),
                arguments("<a href=\"https://example.org/a?x=1&amp;y=2\">the site</a>",
                        "the site (https://example.org/a?x=1&y=2)"),
                arguments("<a href=\"https://example.org\">https://example.org</a>", "https://example.org"),
                arguments("<a href=\"tg://user?id=42\">Ali</a>", "Ali"),
                arguments("<b>سلام</b> &lt;علی&gt; &amp; &quot;رضا&quot; &#39;x&#39; &#x1F600;", "سلام <علی> & \"رضا\" 'x' 😀"),
                arguments("&amp;lt;b&amp;gt; stays text", "&lt;b&gt; stays text"),
                arguments("&unknown; &#xFFFFFF;", "&unknown; &#xFFFFFF;"),
                arguments("", ""));
    }

    @ParameterizedTest
    @MethodSource("htmlToPlainCases")
    void turnsTelegramHtmlIntoPlainTextForBale(String html, String plain) {
        assertThat(ChatText.htmlToPlain(html)).isEqualTo(plain);
    }

    @Test
    void escapedTextRoundTripsThroughPlain() {
        String typed = "<script>alert('x') & \"y\"</script> علی";
        assertThat(ChatText.htmlToPlain(ChatText.escapeHtml(typed))).isEqualTo(typed);
        assertThat(ChatText.htmlToPlain(null)).isEmpty();
    }

    @Test
    void keepsATextThatFitsWhole() {
        assertThat(ChatText.split("سلام\nعلی", 4096)).containsExactly("سلام\nعلی");
        assertThat(ChatText.split("", 10)).containsExactly("");
        assertThat(ChatText.split(null, 10)).containsExactly("");
        assertThat(ChatText.split("x".repeat(4096))).hasSize(1);
        assertThat(ChatText.split("x".repeat(4097))).hasSize(2);
    }

    @Test
    void splitsOnLineBoundariesKeepingLinesWhole() {
        String text = "line one\nline two\nline three\nfour";
        List<String> parts = ChatText.split(text, 20);
        assertThat(parts).containsExactly("line one\nline two", "line three\nfour");
    }

    @Test
    void fallsBackToSpacesWhenALineIsTooLong() {
        List<String> parts = ChatText.split("aaaa bbbb cccc dddd", 10);
        assertThat(parts).containsExactly("aaaa bbbb", "cccc dddd");
    }

    @Test
    void cutsHardWhenThereIsNoSpace() {
        assertThat(ChatText.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String emojis = "😀😀😀"; // six UTF-16 units
        List<String> parts = ChatText.split("a" + emojis, 4);
        assertThat(parts).containsExactly("a😀", "😀😀");
        assertThat(parts).allSatisfy(part -> assertThat(part.codePoints()).noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    static Stream<Arguments> longTexts() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            lines.append("سطر شماره ").append(i).append(" با کمی متن فارسی و emoji 🌱\n");
        }
        String words = "واژه ".repeat(3000);
        String oneHugeLine = "ب".repeat(10_000);
        return Stream.of(arguments(lines.toString(), 4096), arguments(lines.toString(), 100), arguments(words, 4096),
                arguments(oneHugeLine, 4096), arguments("😀".repeat(5000), 4096), arguments("😀".repeat(50), 3));
    }

    @ParameterizedTest
    @MethodSource("longTexts")
    void splitsLongTextsLosingNothing(String text, int max) {
        List<String> parts = ChatText.split(text, max);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(max));
        assertThat(String.join("", parts).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
        assertThat(parts).allSatisfy(part -> {
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
    }

    @Test
    void keepsEveryLineWholeWhenLinesFit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("سطر ").append(i).append(" ").append("x".repeat(i % 40)).append('\n');
        }
        List<String> lines = List.of(text.toString().split("\n"));

        List<String> parts = ChatText.split(text.toString(), 200);

        assertThat(parts.stream().flatMap(part -> Stream.of(part.split("\n"))).filter(s -> !s.isEmpty()))
                .containsExactlyElementsOf(lines);
    }

    @Test
    void refusesALimitTooSmallForAnEmoji() {
        assertThatThrownBy(() -> ChatText.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

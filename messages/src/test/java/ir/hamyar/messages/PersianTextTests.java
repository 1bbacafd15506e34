package ir.hamyar.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PersianTextTests {

    static Stream<Arguments> normalisations() {
        return Stream.of(
                arguments("Arabic yeh and kaf become Persian", "علي كريمي", "علی کریمی"),
                arguments("alef maksura becomes Persian yeh", "موسى", "موسی"),
                arguments("Persian digits become ASCII", "۰۹۱۲۳۴۵۶۷۸۹", "09123456789"),
                arguments("Arabic-Indic digits become ASCII", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
                arguments("mixed digit sets", "۱۴۰۵/٠٩/02", "1405/09/02"),
                arguments("tatweel removed", "سـلـــام", "سلام"),
                arguments("harakat removed", "مُحَمَّد", "محمد"),
                arguments("tanwin and superscript alef removed", "حتماً رحمٰن", "حتما رحمن"),
                arguments("RLM and LRM removed", "\u200Fسلام\u200E hello", "سلام hello"),
                arguments("embeddings, isolates and ALM removed", "\u202Bعلی\u202C \u2067رضا\u2069\u061C", "علی رضا"),
                arguments("byte order mark removed", "\uFEFFسلام", "سلام"),
                arguments("ZWNJ inside a word kept", "می\u200Cخواهم", "می\u200Cخواهم"),
                arguments("ZWNJ at the ends dropped", "\u200Cکتاب\u200C", "کتاب"),
                arguments("ZWNJ beside a space dropped", "کتاب \u200C\u200Cها", "کتاب ها"),
                arguments("repeated ZWNJ kept once", "می\u200C\u200Cروم", "می\u200Cروم"),
                arguments("Arabic presentation forms (isolated yeh, kaf) mapped to letters", "\uFEF1\uFEDB", "یک"),
                arguments("lam-alef ligature decomposed", "\uFEFB", "لا"),
                arguments("Farsi yeh presentation form", "\uFBFC", "ی"),
                arguments("fullwidth digits become ASCII (NFKC)", "１２３", "123"),
                arguments("no-break and thin spaces become one space", "علی\u00A0\u2009 رضا", "علی رضا"),
                arguments("runs of whitespace collapse and the ends are trimmed", "  علی \t  رضا  ", "علی رضا"),
                arguments("a run holding a line break keeps one line break", "خط اول  \r\n\n  خط دوم", "خط اول\nخط دوم"),
                arguments("teh marbuta and heh with yeh above become heh", "فاطمة خانۀ", "فاطمه خانه"),
                arguments("heh with a separate hamza above loses the hamza", "خانهٔ", "خانه"),
                arguments("precomposed hamza letters are kept", "مسئول مؤمن أحمد", "مسئول مؤمن أحمد"),
                arguments("control characters removed", "a\u0007b", "ab"),
                arguments("Latin text is untouched", "John O'Neil-Smith", "John O'Neil-Smith"),
                arguments("emoji survive", "سلام 👋🏽", "سلام 👋🏽"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalisations")
    void normalizesTypedText(String description, String input, String expected) {
        assertThat(PersianText.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u200F\u200E", "\u200C", "\n\t", "ـــ"})
    void normalizesNothingToEmpty(String input) {
        assertThat(PersianText.normalize(input)).isEmpty();
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = PersianText.normalize("  علي‌ كـريمي  ۱۲۳ \uFEFB\u200F ");
        assertThat(PersianText.normalize(once)).isEqualTo(once);
    }

    @Test
    void convertsAsciiDigitsToPersianAndBack() {
        assertThat(PersianText.toPersianDigits("1405/09/02 ساعت 18:30")).isEqualTo("۱۴۰۵/۰۹/۰۲ ساعت ۱۸:۳۰");
        assertThat(PersianText.toAsciiDigits("۱۴۰۵/٠٩/۰۲ abc")).isEqualTo("1405/09/02 abc");
        assertThat(PersianText.toAsciiDigits(PersianText.toPersianDigits("0123456789"))).isEqualTo("0123456789");
        assertThat(PersianText.toPersianDigits(null)).isEmpty();
        assertThat(PersianText.toAsciiDigits(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"علی", "علی رضایی", "محمدعلی\u200Cپور", "John Smith", "O'Neil", "Anne-Marie", "O\u2019Brien",
            "José Núñez", "سارا Smith", "مؤمن"})
    void acceptsNamesOfPersianOrLatinLetters(String name) {
        assertThat(PersianText.isPersianOrLatinName(PersianText.normalize(name))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"علی2", "۱۲۳", "Ali_Reza", "علی!", "Иван", "王伟", "--", "' '", "علی@example", "علی.رضا",
            "علی\nرضا"})
    void rejectsWhatIsNotAName(String name) {
        assertThat(PersianText.isPersianOrLatinName(PersianText.normalize(name))).isFalse();
    }

    @Test
    void persianDigitsAreNotAName() {
        // Checked before normalisation turns them into ASCII, too: a digit is never part of a name.
        assertThat(PersianText.isPersianOrLatinName("علی۲")).isFalse();
    }

    static Stream<Arguments> rtlLines() {
        return Stream.of(
                arguments("Hamyar یعنی همیار", "\u200FHamyar یعنی همیار"),
                arguments("1405 سال خوبی است", "\u200F1405 سال خوبی است"),
                arguments("۱۴۰۵ سال خوبی است", "\u200F۱۴۰۵ سال خوبی است"),
                arguments("همیار Hamyar", "همیار Hamyar"),
                arguments("/start", "/start"),
                arguments("Line one\nخط دوم\nLine 3", "\u200FLine one\nخط دوم\n\u200FLine 3"),
                arguments("", ""));
    }

    @ParameterizedTest
    @MethodSource("rtlLines")
    void marksLinesStartingLeftToRight(String line, String expected) {
        assertThat(PersianText.rtlLine(line)).isEqualTo(expected);
    }

    @Test
    void rtlLineOfNullIsEmpty() {
        assertThat(PersianText.rtlLine(null)).isEmpty();
    }
}

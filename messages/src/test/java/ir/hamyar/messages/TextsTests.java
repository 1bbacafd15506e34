package ir.hamyar.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTests {

    @Test
    void looksUpPersianAndEnglishTexts() {
        assertThat(Texts.get(Texts.FA, "common.back")).isEqualTo("بازگشت");
        assertThat(Texts.get(Texts.EN, "common.back")).isEqualTo("Back");
        assertThat(Texts.get(Texts.FA, "runtime.greeting")).contains("همیار");
        assertThat(Texts.get(Texts.EN, "runtime.greeting")).contains("Hamyar");
    }

    @Test
    void formatsNumbersWithPersianDigitsInPersianAndAsciiInEnglish() {
        assertThat(Texts.get(Texts.FA, "common.page_indicator", 2, 12)).isEqualTo("صفحهٔ ۲ از ۱۲");
        assertThat(Texts.get(Texts.EN, "common.page_indicator", 2, 12)).isEqualTo("Page 2 of 12");
    }

    @Test
    void insertsStringArgumentsAsGiven() {
        assertThat(Texts.get(Texts.FA, "runtime.test_flow_done", "Ali 2", "تهران"))
                .contains("Ali 2").contains("تهران").doesNotContain("{0}");
        assertThat(Texts.get(Texts.EN, "runtime.test_flow_done", "Ali", "Tehran"))
                .isEqualTo("Thank you, Ali! Noted that you live in Tehran.");
    }

    @Test
    void writesDoubledQuotesAsOneApostrophe() {
        assertThat(Texts.get(Texts.EN, "runtime.greeting")).contains("area's office").doesNotContain("''");
    }

    @Test
    void answersInPersianForUnknownLocales() {
        assertThat(Texts.get(Locale.GERMAN, "common.yes")).isEqualTo("بله");
        assertThat(Texts.get(null, "common.yes")).isEqualTo("بله");
        assertThat(Texts.get(Locale.US, "common.yes")).isEqualTo("Yes");
    }

    @ParameterizedTest
    @CsvSource(value = {"en, en", "en-US, en", "EN_gb, en", "fa, fa", "fa-IR, fa", "ar, fa", "de, fa", "'', fa",
            "NULL, fa"}, nullValues = "NULL")
    void choosesTheLocaleFromTheMessengersLanguageCode(String languageCode, String expectedLanguage) {
        assertThat(Texts.localeOf(languageCode)).isEqualTo("en".equals(expectedLanguage) ? Texts.EN : Texts.FA);
    }

    @Test
    void knowsWhichKeysExist() {
        assertThat(Texts.has("runtime.greeting")).isTrue();
        assertThat(Texts.has("runtime.no_such_key")).isFalse();
        assertThat(Texts.has("nosuchbundle.key")).isFalse();
        assertThat(Texts.has("nodot")).isFalse();
        assertThat(Texts.has(null)).isFalse();
    }

    @Test
    void aMissingKeyThrowsNamingTheKey() {
        assertThatThrownBy(() -> Texts.get(Texts.FA, "runtime.no_such_key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runtime.no_such_key");
        assertThatThrownBy(() -> Texts.get(Texts.EN, "nosuchbundle.key", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchbundle.key");
        assertThatThrownBy(() -> Texts.get(Texts.FA, "nodot"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodot");
    }

    @Test
    void formatsCorrectlyFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                tasks.add(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int n = offset * 10_000 + i;
                        String fa = Texts.get(Texts.FA, "common.page_indicator", n, n + 1);
                        String en = Texts.get(Texts.EN, "common.page_indicator", n, n + 1);
                        if (!fa.equals("صفحهٔ " + persian(n) + " از " + persian(n + 1))
                                || !en.equals("Page " + String.format(Locale.ENGLISH, "%,d", n) + " of "
                                + String.format(Locale.ENGLISH, "%,d", n + 1))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Persian digits with the Persian thousands separator (U+066C), as ICU writes them for fa. */
    private static String persian(int n) {
        return PersianText.toPersianDigits(String.format(Locale.ENGLISH, "%,d", n)).replace(',', '\u066C');
    }
}

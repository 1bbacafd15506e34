package ir.hamyar.messages;

import com.ibm.icu.text.MessagePattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Persian bundle has an English twin with the same keys and arguments, and every pattern is valid ICU. */
class BundlesInSyncTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    @Test
    void everyBundleHasItsPersianMasterAndEnglishTwin() throws IOException {
        List<String> files = fileNames();
        assertThat(files).contains("common.properties", "runtime.properties");
        for (String file : files) {
            String area = file.replace("_en.properties", "").replace(".properties", "");
            assertThat(files).as("bundle %s", area).contains(area + ".properties", area + "_en.properties");
            assertThat(area).as("bundle name %s", file).matches("[a-z][a-z0-9_]*").doesNotContain("_en");
        }
    }

    @TestFactory
    Stream<DynamicTest> bundlesAgree() throws IOException {
        return fileNames().stream().filter(f -> !f.endsWith("_en.properties")).map(file -> {
            String area = file.substring(0, file.length() - ".properties".length());
            return DynamicTest.dynamicTest(area, () -> checkBundle(area));
        });
    }

    private static void checkBundle(String area) throws IOException {
        Map<String, String> fa = load(area + ".properties");
        Map<String, String> en = load(area + "_en.properties");

        assertThat(en.keySet()).as("keys of %s_en vs %s", area, area).containsExactlyInAnyOrderElementsOf(fa.keySet());
        assertThat(fa.keySet()).as("every key of %s starts with '%s.'", area, area)
                .allSatisfy(key -> assertThat(key).startsWith(area + "."));
        for (String key : fa.keySet()) {
            assertThat(fa.get(key)).as("Persian %s", key).isNotBlank();
            assertThat(en.get(key)).as("English %s", key).isNotBlank();
            assertThat(arguments(en.get(key))).as("arguments of %s in English vs Persian", key)
                    .isEqualTo(arguments(fa.get(key)));
        }
    }

    /** The argument names/indexes a pattern uses; parsing fails the test for a broken pattern. */
    private static Set<String> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME
                    || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    @Test
    void argumentComparisonSeesADifference() {
        assertThat(arguments("a {0} b {1,number}")).containsExactly("0", "1");
        assertThat(arguments("a '{0}' b")).isEmpty();
        assertThat(arguments("it''s {0}")).containsExactly("0");
    }

    private static List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties")).sorted().toList();
        }
    }

    private static Map<String, String> load(String file) throws IOException {
        // Strict UTF-8: a file saved in another encoding must fail here, not show mojibake to users.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(I18N.resolve(file)), decoder)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        assertThat(texts).as("%s has texts", file).isNotEmpty();
        return texts;
    }

    @Test
    void noDuplicateKeysHideInAFile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : fileNames()) {
            Set<String> seen = new TreeSet<>();
            for (String line : Files.readAllLines(I18N.resolve(file), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || !trimmed.contains("=")) {
                    continue;
                }
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                if (!seen.add(key)) {
                    problems.add(file + ": " + key);
                }
            }
        }
        assertThat(problems).as("keys defined twice").isEmpty();
    }
}

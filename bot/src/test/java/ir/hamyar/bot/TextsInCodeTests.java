package ir.hamyar.bot;

import ir.hamyar.messages.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User-facing text lives only in the {@code messages} bundles: no Persian literal in Java main code, and every
 * message key written literally in the bot's code exists.
 */
class TextsInCodeTests {

    // Relative to the bot module directory, where Surefire runs the tests.
    private static final List<Path> MAIN_SOURCES = List.of(
            Path.of("src/main/java"), Path.of("../domain/src/main/java"), Path.of("../messages/src/main/java"));
    private static final Path BOT_SOURCES = Path.of("src/main/java");

    @Test
    void noJavaMainCodeContainsPersianOrArabicCharacters() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path root : MAIN_SOURCES) {
            Map<String, String> files = javaFiles(root);
            assertThat(files).as("Java files under %s", root).isNotEmpty();
            sources.putAll(files);
        }

        assertThat(Scanner.filesWithPersian(sources))
                .as("files with Persian/Arabic characters (move the text to messages/src/main/resources/i18n)")
                .isEmpty();
    }

    @Test
    void everyMessageKeyInTheBotsCodeExists() throws IOException {
        Map<String, String> sources = javaFiles(BOT_SOURCES);
        assertThat(sources).isNotEmpty();

        assertThat(Scanner.unknownKeys(sources)).as("message keys missing from the bundles").isEmpty();
    }

    // --- the scanner itself, proven on in-memory sources ---

    @Test
    void scannerFindsTheKeyOfEveryKindOfCall() {
        String source = """
                class Flow {
                    Reply a() { return Reply.text("runtime.greeting"); }
                    Text b() { return Text.of( "common.back", 3); }
                    String c(Locale l) { return Texts.get(l, "common.yes"); }
                    String d() { return texts.get(Texts.localeOf(user.lang(), "x"), "common.no", name); }
                    String e() { return ir.hamyar.bot.runtime.Text.of("common.edit").key(); }
                    Text f(String key) { return Text.of(key); }
                    String g() { return texts.get(locale, KEY); }
                    char h() { return '"'; }
                    String i() { return "Text.of(\\"not.a.call\\")"; }
                    // Text.of("in.a.comment")
                    /* Reply.text("in.a.block.comment") */
                    Text j() { return PlainText.of("not.our.text"); }
                }
                """;

        assertThat(Scanner.keysIn(source))
                .containsExactly("runtime.greeting", "common.back", "common.yes", "common.no", "common.edit");
    }

    @Test
    void scannerReportsAKeyTheBundlesDoNotKnow() {
        Map<String, String> sources = Map.of(
                "Known.java", "class Known { Text t = Text.of(\"runtime.greeting\"); }",
                "Missing.java", "class Missing { Reply r = Reply.text(\"runtime.no_such_text\"); "
                        + "String s = Texts.get(locale, \"nobundle.key\"); }");

        assertThat(Scanner.unknownKeys(sources))
                .containsExactly("Missing.java: runtime.no_such_text", "Missing.java: nobundle.key");
    }

    @Test
    void scannerFindsPersianCharactersAndPresentationForms() {
        Map<String, String> sources = Map.of(
                "Ascii.java", "class Ascii { String s = \"\\u0633\\u0644\\u0627\\u0645\"; }",
                "Persian.java", "class Persian { String s = \"سلام\"; }",
                "Ligature.java", "class Ligature { String s = \"\uFEFB\"; }",
                "Bom.java", "\uFEFFclass Bom {}");

        assertThat(Scanner.filesWithPersian(sources))
                .containsExactlyInAnyOrder("Persian.java:1", "Ligature.java:1", "Bom.java:1");
    }

    private static Map<String, String> javaFiles(Path root) throws IOException {
        assertThat(root).as("source root %s (run from the bot module)", root.toAbsolutePath()).isDirectory();
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.put(path.normalize().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** A small Java-aware scanner: comments are ignored, string and char literals are respected. */
    static final class Scanner {

        private static final Pattern CALL = Pattern.compile(
                "(?<![\\w$])(Text\\.of|Reply\\.text|Texts\\.get|texts\\.get)\\s*\\(");

        private Scanner() {
        }

        /** "file:line" of each file holding a character of the Arabic block or the Arabic presentation forms. */
        static List<String> filesWithPersian(Map<String, String> sources) {
            List<String> found = new ArrayList<>();
            sources.forEach((file, text) -> {
                for (int i = 0, line = 1; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        line++;
                    } else if ((c >= '\u0600' && c <= '\u06FF') || (c >= '\uFB50' && c <= '\uFEFF')) {
                        found.add(file + ":" + line);
                        return;
                    }
                }
            });
            return found;
        }

        /** "file: key" for each literal message key that {@link Texts#has} does not know. */
        static List<String> unknownKeys(Map<String, String> sources) {
            List<String> unknown = new ArrayList<>();
            sources.forEach((file, text) -> keysIn(text).stream()
                    .filter(key -> !Texts.has(key))
                    .forEach(key -> unknown.add(file + ": " + key)));
            return unknown;
        }

        /** The string-literal message keys of the calls {@link #CALL} matches, in order of appearance. */
        static List<String> keysIn(String source) {
            String code = withoutComments(source);
            List<String> keys = new ArrayList<>();
            Matcher call = CALL.matcher(code);
            int from = 0;
            while (from < code.length() && call.find(from)) {
                if (insideLiteral(code, call.start())) {
                    from = call.end();
                    continue;
                }
                int at = call.end();
                if (call.group(1).endsWith("get")) {
                    at = afterFirstArgument(code, at);
                }
                if (at >= 0) {
                    at = skipWhitespace(code, at);
                    if (at < code.length() && code.charAt(at) == '"' && !code.startsWith("\"\"\"", at)) {
                        int end = endOfLiteral(code, at, '"');
                        int next = skipWhitespace(code, end);
                        // "prefix." + value builds a key at run time: DynamicKeysTests checks those per value.
                        if (next >= code.length() || code.charAt(next) != '+') {
                            keys.add(code.substring(at + 1, end - 1));
                        }
                    }
                }
                from = call.end();
            }
            return keys;
        }

        /** Comments replaced by spaces (line breaks kept); literals untouched. */
        static String withoutComments(String source) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    end = end < 0 ? source.length() : end;
                    out.append(" ".repeat(end - i));
                    i = end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end + 2;
                    source.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
                    i = end;
                } else if (c == '"' || c == '\'') {
                    int end = endOfLiteral(source, i, c);
                    out.append(source, i, end);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** Index just after the literal that starts at {@code start} (a string, text block or char literal). */
        private static int endOfLiteral(String code, int start, char quote) {
            if (quote == '"' && code.startsWith("\"\"\"", start)) {
                int end = start + 3;
                while (end < code.length() && !code.startsWith("\"\"\"", end)) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                return Math.min(code.length(), end + 3);
            }
            int i = start + 1;
            while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
                i += code.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(code.length(), i + 1);
        }

        private static boolean insideLiteral(String code, int position) {
            int i = 0;
            while (i < position) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = endOfLiteral(code, i, c);
                    if (end > position) {
                        return true;
                    }
                    i = end;
                } else {
                    i++;
                }
            }
            return false;
        }

        /** Index after the top-level comma ending the first argument, or -1 when there is no second argument. */
        private static int afterFirstArgument(String code, int at) {
            int depth = 0;
            int i = at;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(code, i, c);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        return -1;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return i + 1;
                }
                i++;
            }
            return -1;
        }

        private static int skipWhitespace(String code, int at) {
            int i = at;
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}

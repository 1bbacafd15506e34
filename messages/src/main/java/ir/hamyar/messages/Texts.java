package ir.hamyar.messages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every user-facing sentence, by key, in Persian (the master) or English.
 *
 * <p>A key's prefix before its first dot names its bundle: {@code runtime.greeting} lives in
 * {@code i18n/runtime.properties} (Persian) and {@code i18n/runtime_en.properties} (English), so that areas
 * of the bot edit different files. Patterns are ICU {@link MessageFormat}s formatted in the reply's locale:
 * numbers come out with Persian digits in Persian ({@code {0,number,#}} for years and codes without
 * grouping), strings are inserted as given (a single quote in a pattern is written {@code ''}).
 *
 * <p>This runs for every reply, so bundles are read once, texts without arguments are formatted once, and
 * parsed formats are pooled (a {@link MessageFormat} must not be shared between threads while formatting).
 */
public final class Texts {

    public static final Locale FA = Locale.forLanguageTag("fa-IR");
    public static final Locale EN = Locale.ENGLISH;

    private static final ULocale FA_FORMAT = new ULocale("fa_IR");
    private static final ULocale EN_FORMAT = new ULocale("en");

    private static final String DIRECTORY = "i18n/";

    private static final Map<String, Map<String, String>> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, String> PLAIN = new ConcurrentHashMap<>();
    private static final Map<String, Queue<MessageFormat>> FORMATS = new ConcurrentHashMap<>();

    private Texts() {
    }

    /**
     * The text of {@code key} in {@code locale} (Persian for any locale but English), formatted with
     * {@code args}.
     *
     * @throws IllegalArgumentException naming the key when no bundle holds it
     */
    public static String get(Locale locale, String key, Object... args) {
        boolean english = isEnglish(locale);
        String cacheKey = (english ? "en:" : "fa:") + key;
        if (args == null || args.length == 0) {
            String plain = PLAIN.get(cacheKey);
            if (plain != null) {
                return plain;
            }
        }
        String pattern = pattern(english, key);
        Queue<MessageFormat> pool = FORMATS.computeIfAbsent(cacheKey, k -> new ConcurrentLinkedQueue<>());
        MessageFormat format = pool.poll();
        if (format == null) {
            format = new MessageFormat(pattern, english ? EN_FORMAT : FA_FORMAT);
        }
        try {
            String text = format.format(args == null ? new Object[0] : args);
            if (args == null || args.length == 0) {
                PLAIN.putIfAbsent(cacheKey, text);
            }
            return text;
        } finally {
            pool.offer(format);
        }
    }

    /** Whether the key exists (in the Persian master bundle). */
    public static boolean has(String key) {
        if (key == null) {
            return false;
        }
        String area = area(key);
        return area != null && bundle(area, false).containsKey(key);
    }

    /** The reply locale for a messenger's {@code language_code}: English for {@code en…}, else Persian. */
    public static Locale localeOf(String languageCodeOrNull) {
        return languageCodeOrNull != null && languageCodeOrNull.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? EN : FA;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String pattern(boolean english, String key) {
        String area = key == null ? null : area(key);
        if (area == null) {
            throw new IllegalArgumentException("no text for key '" + key + "': a key is <bundle>.<name>");
        }
        String pattern = english ? bundle(area, true).get(key) : null;
        if (pattern == null) {
            pattern = bundle(area, false).get(key); // Persian is the master; the sync test keeps English complete
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no text for key '" + key + "' in i18n/" + area + ".properties");
        }
        return pattern;
    }

    private static String area(String key) {
        int dot = key.indexOf('.');
        return dot > 0 ? key.substring(0, dot) : null;
    }

    private static Map<String, String> bundle(String area, boolean english) {
        return BUNDLES.computeIfAbsent(english ? area + "_en" : area, Texts::load);
    }

    private static Map<String, String> load(String name) {
        String resource = DIRECTORY + name + ".properties";
        ClassLoader loader = Texts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> texts = new ConcurrentHashMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

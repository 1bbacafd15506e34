package ir.hamyar.bot.flow.content;

import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.content.ContentCodes;
import ir.hamyar.domain.content.ContentStore;
import ir.hamyar.domain.content.ContentVersion;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The texts admins may edit, as every flow shows them: the version in force from the {@link ContentStore}, or the
 * text shipped in the {@code messages} bundles when nobody has edited it (so a fresh install works unchanged).
 * Results are locale-free {@link Text}s: an edited version is rendered through {@code content.text}, whose
 * Persian pattern picks the Persian text and whose English pattern the English one, so every chat still gets its
 * own language, also in notifications sent to other chats.
 */
@Component
public class ContentTexts {

    private final ContentStore store;

    ContentTexts(ContentStore store) {
        this.store = store;
    }

    /** An edited version as a text in the reader's language (English readers without English get Persian). */
    static Text localised(ContentVersion v) {
        return Text.of("content.text", v.fa(), v.text("en"));
    }

    public Text about() {
        return store.current(ContentCodes.ABOUT).map(ContentTexts::localised).orElseGet(() -> Text.of("content.about"));
    }

    public Text officeRules() {
        return store.current(ContentCodes.OFFICE_RULES).map(ContentTexts::localised)
                .orElseGet(() -> Text.of("content.office_rules"));
    }

    /**
     * The terms version in force: {@code initial} (the configured one) until admins edit the terms, then
     * {@code initial.n} for their n-th version, so a new edit is always a version members have not accepted.
     */
    public String termsVersion(String initial) {
        int edited = store.version(ContentCodes.TERMS);
        return edited == 0 ? initial : initial + "." + edited;
    }

    /** The membership terms in force, with their heading and version. */
    public Text terms(String initial) {
        Optional<ContentVersion> edited = store.current(ContentCodes.TERMS);
        return edited.map(v -> Text.of("content.terms", termsVersion(initial), localised(v)))
                .orElseGet(() -> Text.of("membership.terms", initial));
    }

    /** A report category's name. */
    public Text category(String code) {
        return label(ContentCodes.category(code), "reporting.category." + code, code);
    }

    /** An interest's (working group's) name. */
    public Text interest(String code) {
        return label(ContentCodes.interest(code), "membership.interest." + code, code);
    }

    /** An interest's name as a plain string in one locale (for texts assembled from strings). */
    public String interestName(String code, Locale locale) {
        Optional<ContentVersion> edited = ContentCodes.isItemCode(code)
                ? store.current(ContentCodes.interest(code)) : Optional.empty();
        if (edited.isPresent()) {
            return edited.get().text(Texts.EN.equals(locale) ? "en" : "fa");
        }
        String key = "membership.interest." + code;
        return Texts.has(key) ? Texts.get(locale, key) : code;
    }

    private Text label(String contentCode, String shippedKey, String code) {
        Optional<ContentVersion> edited = ContentCodes.isItemCode(code) ? store.current(contentCode) : Optional.empty();
        if (edited.isPresent()) {
            return localised(edited.get());
        }
        return Texts.has(shippedKey) ? Text.of(shippedKey) : Text.of("common.raw", code == null ? "" : code);
    }
}

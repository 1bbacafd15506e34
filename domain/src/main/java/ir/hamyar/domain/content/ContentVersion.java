package ir.hamyar.domain.content;

import ir.hamyar.domain.audit.Actor;

import java.time.Instant;

/**
 * One published version of a content code.
 *
 * @param fa       the Persian text (the master, always present)
 * @param en       the English text, or null when this version has none (English readers then see the Persian one
 *                 rather than an English text older than it)
 * @param editor   who published it
 */
public record ContentVersion(String code, int version, String fa, String en, Actor editor, Instant editedAt) {

    /** The text for a language ({@code "en"} or anything else for Persian). */
    public String text(String lang) {
        return "en".equals(lang) && en != null ? en : fa;
    }
}

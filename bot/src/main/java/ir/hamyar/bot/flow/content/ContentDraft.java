package ir.hamyar.bot.flow.content;

/**
 * What the admin is editing in {@link ContentFlow}.
 *
 * @param what       {@link What} name: a text, a list item to add or rename, or a donation link
 * @param target     the text's content code, or the list ({@code ContentLists.Kind} name)
 * @param item       the list item being renamed
 * @param fa         the Persian text or label sent
 * @param en         the English one, null when skipped
 * @param provinceId the province chosen for a donation link
 * @param officeId   the office chosen for a donation link
 * @param url        the new donation link; empty to remove it
 */
record ContentDraft(String what, String target, String item, String fa, String en, Integer provinceId,
                    Long officeId, String url) {

    enum What { TEXT, ADD, RENAME, LINK }

    static ContentDraft start() {
        return new ContentDraft(null, null, null, null, null, null, null, null);
    }

    What kind() {
        return what == null ? null : What.valueOf(what);
    }

    boolean isLabel() {
        return kind() == What.ADD || kind() == What.RENAME;
    }

    ContentDraft editing(What kind, String target, String item) {
        return new ContentDraft(kind.name(), target, item, null, null, null, null, null);
    }

    ContentDraft persian(String value) {
        return new ContentDraft(what, target, item, value, null, provinceId, officeId, url);
    }

    ContentDraft english(String value) {
        return new ContentDraft(what, target, item, fa, value, provinceId, officeId, url);
    }

    ContentDraft province(int id) {
        return new ContentDraft(What.LINK.name(), null, null, null, null, id, null, null);
    }

    ContentDraft office(long id) {
        return new ContentDraft(what, target, item, fa, en, provinceId, id, null);
    }

    ContentDraft link(String value) {
        return new ContentDraft(what, target, item, fa, en, provinceId, officeId, value);
    }
}

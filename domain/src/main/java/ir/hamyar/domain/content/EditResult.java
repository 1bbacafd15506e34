package ir.hamyar.domain.content;

/** The outcome of an edit: done (with the code edited and the version published, 0 when none is), or refused. */
public sealed interface EditResult {

    record Done(String code, int version) implements EditResult {
    }

    record Refused(Reason reason) implements EditResult {
    }

    enum Reason {
        /** Not a content code, list item or office that can be edited. */
        UNKNOWN,
        /** No Persian text. */
        EMPTY,
        TOO_LONG,
        /** A label holds a line break. */
        MULTI_LINE,
        /** The same texts as the version in force: publishing it would only ask members to accept again. */
        UNCHANGED,
        /** Another admin published this code at the same moment; nothing was saved. */
        CONCURRENT_EDIT,
        /** Retiring a retired item, or restoring an active one. */
        ALREADY_SO,
        /** A donation link that is not an https address, or an office that has none (a local centre). */
        INVALID_LINK
    }

    default boolean done() {
        return this instanceof Done;
    }

    static EditResult refused(Reason reason) {
        return new Refused(reason);
    }
}

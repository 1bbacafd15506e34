package ir.hamyar.domain.membership;

import java.util.Optional;

/** Highest education level, stored by name; the labels live in the message bundles. */
public enum Education {
    BELOW_DIPLOMA,
    DIPLOMA,
    ASSOCIATE,
    BACHELOR,
    MASTER,
    DOCTORATE,
    SEMINARY;

    /** The level of a code as sent by a button; empty for anything else. */
    public static Optional<Education> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Education e : values()) {
            if (e.name().equals(code.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

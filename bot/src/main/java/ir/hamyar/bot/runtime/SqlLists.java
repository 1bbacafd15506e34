package ir.hamyar.bot.runtime;

import java.util.Collections;

/** SQL text for lists of bound values, for the runtime's plain-JDBC stores (PostgreSQL and H2 alike). */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code ?, ?, ?} with {@code n} placeholders, for an {@code IN (…)} list. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code row, row, row}: {@code n} copies of a row such as {@code (?, ?, 'PENDING')}, for a multi-row VALUES. */
    public static String rows(int n, String row) {
        return String.join(", ", Collections.nCopies(n, row));
    }
}

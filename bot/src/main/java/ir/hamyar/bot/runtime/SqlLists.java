package ir.hamyar.bot.runtime;

import java.util.Collection;

/**
 * Lists of values bound as one array parameter, for the runtime's plain-JDBC stores: {@code column = ANY(?)} and
 * {@code unnest(?, ?, …)} (PostgreSQL and H2 alike). One statement text whatever the number of values: an
 * {@code IN (?, ?, …)} list or a multi-row {@code VALUES} made a new statement for each length, which the driver could
 * not keep prepared and PostgreSQL parsed again each time. (PostgreSQL may still plan such a statement at every
 * execution: it keeps custom plans when the generic plan of {@code = ANY($n)}, costed for ten values, looks dearer.)
 */
public final class SqlLists {

    private SqlLists() {
    }

    /** Text values (chat keys, platforms, payloads) as an array parameter. */
    public static String[] array(Collection<String> values) {
        return values.toArray(new String[0]);
    }

    /** Numbers (ids) as an array parameter. */
    public static Long[] ids(Collection<Long> values) {
        return values.toArray(new Long[0]);
    }
}

package ir.hamyar.domain.statistics;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** SQL conditions that limit a query to a {@link StatsScope}; an empty id set matches nothing, never everything. */
final class ScopeSql {

    private ScopeSql() {
    }

    /** Rows whose office column is one of the scope's offices (all rows, even office-less ones, for the network). */
    static String offices(StatsScope scope, String column, List<Object> args) {
        return scope.network() ? "1 = 1" : in(column, scope.officeIds(), args);
    }

    /** Members (or rows carrying a member's province and county) living inside the scope. */
    static String members(StatsScope scope, String provinceColumn, String countyColumn, List<Object> args) {
        if (scope.network()) {
            return "1 = 1";
        }
        return "(" + in(provinceColumn, scope.provinceIds(), args) + " OR " + in(countyColumn, scope.countyIds(), args)
                + ")";
    }

    static String in(String column, Collection<?> ids, List<Object> args) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        args.addAll(ids);
        return column + " IN (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
    }
}

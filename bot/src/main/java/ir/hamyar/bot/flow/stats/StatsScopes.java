package ir.hamyar.bot.flow.stats;

import ir.hamyar.bot.admin.Scope;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.statistics.StatsScope;
import ir.hamyar.messages.Texts;

import java.util.stream.Collectors;

/** Access's {@link Scope} as the statistics module's plain {@link StatsScope}. */
final class StatsScopes {

    private StatsScopes() {
    }

    static StatsScope of(Scope scope) {
        return scope.network() ? StatsScope.wholeNetwork()
                : StatsScope.of(scope.officeIds(), scope.provinceIds(), scope.countyIds());
    }

    /** The office names of a limited scope, for the header of a summary or an export. */
    static String officeNames(Scope scope) {
        String separator = Texts.get(Texts.FA, "stats.list_separator");
        return scope.offices().stream().map(OfficeView::name).collect(Collectors.joining(separator));
    }
}

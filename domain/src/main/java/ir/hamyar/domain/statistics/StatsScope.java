package ir.hamyar.domain.statistics;

import java.util.Set;

/**
 * Which part of the network figures and exports cover. The whole network, or: office-bound data (reports,
 * courses, appointments) of {@code officeIds}; member data of members living in {@code provinceIds} (whole
 * provinces) or {@code countyIds}. An empty scope covers nothing.
 */
public record StatsScope(boolean network, Set<Long> officeIds, Set<Integer> provinceIds, Set<Integer> countyIds) {

    public StatsScope {
        officeIds = officeIds == null ? Set.of() : Set.copyOf(officeIds);
        provinceIds = provinceIds == null ? Set.of() : Set.copyOf(provinceIds);
        countyIds = countyIds == null ? Set.of() : Set.copyOf(countyIds);
    }

    public static StatsScope wholeNetwork() {
        return new StatsScope(true, Set.of(), Set.of(), Set.of());
    }

    public static StatsScope of(Set<Long> officeIds, Set<Integer> provinceIds, Set<Integer> countyIds) {
        return new StatsScope(false, officeIds, provinceIds, countyIds);
    }

    public boolean isEmpty() {
        return !network && officeIds.isEmpty() && provinceIds.isEmpty() && countyIds.isEmpty();
    }

    /** Whether a member living there falls inside the scope (and so may be shown with personal data). */
    public boolean coversMemberIn(Integer provinceId, Integer countyId) {
        return network || (provinceId != null && provinceIds.contains(provinceId))
                || (countyId != null && countyIds.contains(countyId));
    }
}

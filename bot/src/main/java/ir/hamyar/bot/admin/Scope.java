package ir.hamyar.bot.admin;

import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a caller may do an action: the whole network, some offices, or nowhere. Province-wide scopes are their
 * province office plus every office of the province, so {@link #provinceIds()} names the provinces covered whole.
 */
public record Scope(boolean network, List<OfficeView> offices) {

    public Scope {
        offices = List.copyOf(offices);
    }

    public static Scope none() {
        return new Scope(false, List.of());
    }

    public static Scope everywhere() {
        return new Scope(true, List.of());
    }

    public boolean isEmpty() {
        return !network && offices.isEmpty();
    }

    public boolean covers(long officeId) {
        return network || offices.stream().anyMatch(o -> o.id() == officeId);
    }

    /** Covers this province as a whole (its province office is in scope), or the whole network. */
    public boolean coversProvince(int provinceId) {
        return network || provinceIds().contains(provinceId);
    }

    public Set<Long> officeIds() {
        return offices.stream().map(OfficeView::id).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Integer> provinceIds() {
        return offices.stream().filter(o -> o.level() == OfficeLevel.PROVINCE).map(OfficeView::provinceId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Counties where an office in scope works (for member figures, which members carry by county). */
    public Set<Integer> countyIds() {
        return offices.stream().filter(o -> o.countyId() != null).map(OfficeView::countyId)
                .collect(Collectors.toUnmodifiableSet());
    }
}

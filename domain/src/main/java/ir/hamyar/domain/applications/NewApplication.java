package ir.hamyar.domain.applications;

import ir.hamyar.domain.offices.OfficeLevel;

import java.util.List;
import java.util.Set;

/**
 * A completed founding form. Text arrives normalised by the caller; {@code cofounderIds} are members the
 * founder named (by their referral codes); {@code accepted} must hold all four principles.
 */
public record NewApplication(long founderId, OfficeLevel level, int provinceId, int countyId, String neighbourhood,
                             String proposedName, String spaceAddress, SpaceTenure tenure, List<Long> cofounderIds,
                             String background, Set<Principle> accepted) {

    public NewApplication {
        cofounderIds = cofounderIds == null ? List.of() : List.copyOf(cofounderIds);
        accepted = accepted == null ? Set.of() : Set.copyOf(accepted);
    }

    @Override
    public String toString() {
        return "NewApplication[founder=" + founderId + ", level=" + level + ", county=" + countyId + "]";
    }
}

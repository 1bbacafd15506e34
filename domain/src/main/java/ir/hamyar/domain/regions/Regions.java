package ir.hamyar.domain.regions;

import org.springframework.stereotype.Service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read-only access to the 31 provinces and 482 counties. The list only changes with a migration, so it is
 * read from the database once, on first use, and served from memory afterwards.
 */
@Service
public class Regions {

    private final RegionRows rows;
    private volatile Snapshot snapshot;

    Regions(RegionRows rows) {
        this.rows = rows;
    }

    /** All provinces in Persian alphabetical order. */
    public List<Province> provinces() {
        return data().provinces;
    }

    public Optional<Province> province(int id) {
        return Optional.ofNullable(data().provincesById.get(id));
    }

    /** The counties of a province in Persian alphabetical order; empty for an unknown province. */
    public List<County> counties(int provinceId) {
        return data().countiesByProvince.getOrDefault(provinceId, List.of());
    }

    public Optional<County> county(int id) {
        return Optional.ofNullable(data().countiesById.get(id));
    }

    /**
     * Counties of a province whose Persian name contains the (already normalised) query; a blank query
     * returns them all. ZWNJ and spaces, and alef with or without madda, are treated alike.
     */
    public List<County> searchCounties(int provinceId, String normalizedQuery) {
        String key = SearchKey.of(normalizedQuery);
        List<County> all = counties(provinceId);
        if (key.isEmpty()) {
            return all;
        }
        Map<Integer, String> keys = data().searchKeys;
        return all.stream().filter(c -> keys.get(c.id()).contains(key)).toList();
    }

    public boolean countyBelongsTo(int countyId, int provinceId) {
        County c = data().countiesById.get(countyId);
        return c != null && c.provinceId() == provinceId;
    }

    private Snapshot data() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = new Snapshot(
                            rows.provinces().stream().map(ProvinceRow::toProvince).toList(),
                            rows.counties().stream().map(CountyRow::toCounty).toList());
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private static final class Snapshot {
        final List<Province> provinces;
        final Map<Integer, Province> provincesById;
        final Map<Integer, County> countiesById;
        final Map<Integer, List<County>> countiesByProvince;
        final Map<Integer, String> searchKeys;

        Snapshot(List<Province> provinces, List<County> counties) {
            this.provinces = List.copyOf(provinces);
            this.provincesById = provinces.stream()
                    .collect(Collectors.toUnmodifiableMap(Province::id, p -> p));
            this.countiesById = counties.stream()
                    .collect(Collectors.toUnmodifiableMap(County::id, c -> c));
            // counties arrive ordered by province and sort order; keep that order per province
            Map<Integer, List<County>> byProvince = counties.stream().collect(Collectors.groupingBy(
                    County::provinceId, LinkedHashMap::new, Collectors.toUnmodifiableList()));
            this.countiesByProvince = Collections.unmodifiableMap(byProvince);
            this.searchKeys = counties.stream()
                    .collect(Collectors.toUnmodifiableMap(County::id, c -> SearchKey.of(c.nameFa())));
        }
    }
}

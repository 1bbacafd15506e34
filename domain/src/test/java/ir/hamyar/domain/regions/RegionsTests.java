package ir.hamyar.domain.regions;

import ir.hamyar.testing.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class RegionsTests {

    @Autowired
    Regions regions;

    @Autowired
    JdbcTemplate jdbc;

    private Province tehran() {
        return regions.provinces().stream().filter(p -> p.nameEn().equals("Tehran")).findFirst().orElseThrow();
    }

    @Test
    void shipsExactly31ProvincesAnd482Counties() {
        assertThat(regions.provinces()).hasSize(31);
        int counties = regions.provinces().stream().mapToInt(p -> regions.counties(p.id()).size()).sum();
        assertThat(counties).isEqualTo(482);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM county", Integer.class)).isEqualTo(482);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM province", Integer.class)).isEqualTo(31);
    }

    @Test
    void everyProvinceHasCountiesAndEveryCountyKnowsItsProvince() {
        for (Province p : regions.provinces()) {
            List<County> counties = regions.counties(p.id());
            assertThat(counties).as(p.nameEn()).isNotEmpty();
            assertThat(counties).allMatch(c -> c.provinceId() == p.id());
            assertThat(regions.province(p.id())).contains(p);
        }
    }

    @Test
    void provincesAreSortedInPersianAlphabeticalOrder() {
        List<String> names = regions.provinces().stream().map(Province::nameFa).toList();
        assertThat(names.get(0)).isEqualTo("آذربایجان شرقی");
        assertThat(names.get(names.size() - 1)).isEqualTo("یزد");
        assertThat(names.indexOf("کرمان")).isLessThan(names.indexOf("گیلان"));
    }

    @Test
    void tehranProvinceContainsTehranCountyAndListsCountiesByName() {
        List<String> names = regions.counties(tehran().id()).stream().map(County::nameFa).toList();
        assertThat(names).contains("تهران", "شمیرانات", "ری", "ورامین");
        assertThat(names.indexOf("اسلامشهر")).isLessThan(names.indexOf("تهران"));
        assertThat(names.indexOf("پاکدشت")).isLessThan(names.indexOf("تهران"));
    }

    @Test
    void findsCountiesByPartOfTheirName() {
        List<String> found = regions.searchCounties(tehran().id(), "شهر").stream().map(County::nameFa).toList();
        assertThat(found).containsExactly("اسلامشهر", "شهریار");
        assertThat(regions.searchCounties(tehran().id(), "")).hasSize(16);
        assertThat(regions.searchCounties(tehran().id(), "zzz")).isEmpty();
    }

    @Test
    void searchTreatsZwnjAsSpaceAndAlefMaddaAsAlef() {
        int eastAzerbaijan = regions.provinces().get(0).id();
        assertThat(regions.searchCounties(eastAzerbaijan, "بستان\u200Cآباد")).extracting(County::nameFa)
                .containsExactly("بستان آباد");
        assertThat(regions.searchCounties(eastAzerbaijan, "بستان اباد")).extracting(County::nameFa)
                .containsExactly("بستان آباد");
    }

    @Test
    void searchStaysWithinTheProvince() {
        int eastAzerbaijan = regions.provinces().get(0).id();
        assertThat(regions.searchCounties(eastAzerbaijan, "تهران")).isEmpty();
        assertThat(regions.searchCounties(999, "تهران")).isEmpty();
    }

    @Test
    void countyBelongsToOnlyItsOwnProvince() {
        County tehranCounty = regions.searchCounties(tehran().id(), "تهران").get(0);
        assertThat(regions.countyBelongsTo(tehranCounty.id(), tehran().id())).isTrue();
        int other = regions.provinces().get(0).id();
        assertThat(regions.countyBelongsTo(tehranCounty.id(), other)).isFalse();
        assertThat(regions.countyBelongsTo(999_999, tehran().id())).isFalse();
        assertThat(regions.county(tehranCounty.id())).contains(tehranCounty);
        assertThat(regions.county(-1)).isEmpty();
        assertThat(regions.province(0)).isEmpty();
    }

    @Test
    void codesAreOursAndUnique() {
        assertThat(regions.provinces()).extracting(Province::code).allMatch(c -> c.matches("P\\d{2}")).doesNotHaveDuplicates();
        List<String> countyCodes = regions.provinces().stream()
                .flatMap(p -> regions.counties(p.id()).stream()
                        .peek(c -> assertThat(c.code()).startsWith(p.code() + "C")))
                .map(County::code).toList();
        assertThat(countyCodes).hasSize(482).doesNotHaveDuplicates().allMatch(c -> c.matches("P\\d{2}C\\d{3}"));
    }

    @Test
    void noNameCarriesArabicYehOrKaf() {
        Stream<String> names = Stream.concat(
                regions.provinces().stream().map(Province::nameFa),
                regions.provinces().stream().flatMap(p -> regions.counties(p.id()).stream()).map(County::nameFa));
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("\u064A", "\u0643", "\u0649").isNotBlank());
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM county WHERE name_fa LIKE '%\u064A%' OR name_fa LIKE '%\u0643%'", Integer.class))
                .isZero();
        assertThat(regions.provinces()).extracting(Province::nameEn).doesNotContainNull().doesNotHaveDuplicates();
    }
}

package ir.hamyar.domain.regions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "province")
class ProvinceRow {

    @Id
    private Short id;

    @Column(nullable = false, length = 8)
    private String code;

    @Column(name = "name_fa", nullable = false, length = 64)
    private String nameFa;

    @Column(name = "name_en", nullable = false, length = 64)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private Short sortOrder;

    protected ProvinceRow() {
    }

    Province toProvince() {
        return new Province(id, code, nameFa, nameEn);
    }
}

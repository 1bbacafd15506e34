package ir.hamyar.domain.regions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "county")
class CountyRow {

    @Id
    private Integer id;

    @Column(name = "province_id", nullable = false)
    private Short provinceId;

    @Column(nullable = false, length = 12)
    private String code;

    @Column(name = "name_fa", nullable = false, length = 64)
    private String nameFa;

    @Column(name = "sort_order", nullable = false)
    private Short sortOrder;

    protected CountyRow() {
    }

    County toCounty() {
        return new County(id, provinceId, code, nameFa);
    }
}

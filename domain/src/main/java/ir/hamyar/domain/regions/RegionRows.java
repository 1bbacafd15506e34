package ir.hamyar.domain.regions;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;

interface RegionRows extends Repository<ProvinceRow, Short> {

    @Query("select p from ProvinceRow p order by p.sortOrder")
    List<ProvinceRow> provinces();

    @Query("select c from CountyRow c order by c.provinceId, c.sortOrder")
    List<CountyRow> counties();
}

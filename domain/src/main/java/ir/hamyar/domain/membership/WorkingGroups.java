package ir.hamyar.domain.membership;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface WorkingGroups extends Repository<WorkingGroup, Integer> {

    @Query("select g from WorkingGroup g where g.active = true order by g.sortOrder, g.id")
    List<WorkingGroup> active();

    @Query("select g from WorkingGroup g where g.active = true and g.code in :codes")
    List<WorkingGroup> activeWithCodes(Collection<String> codes);

    @Query("select g from WorkingGroup g order by g.sortOrder, g.id")
    List<WorkingGroup> all();

    Optional<WorkingGroup> findByCode(String code);

    @Query("select coalesce(max(g.sortOrder), 0) from WorkingGroup g")
    int maxSortOrder();

    @Modifying(flushAutomatically = true)
    @Query(value = "INSERT INTO working_group (code, sort_order, active) VALUES (:code, :sortOrder, TRUE) "
            + "ON CONFLICT DO NOTHING", nativeQuery = true)
    int insert(@Param("code") String code, @Param("sortOrder") int sortOrder);
}

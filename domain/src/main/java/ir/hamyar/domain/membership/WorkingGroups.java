package ir.hamyar.domain.membership;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;

interface WorkingGroups extends Repository<WorkingGroup, Integer> {

    @Query("select g from WorkingGroup g where g.active = true order by g.sortOrder, g.id")
    List<WorkingGroup> active();

    @Query("select g from WorkingGroup g where g.active = true and g.code in :codes")
    List<WorkingGroup> activeWithCodes(Collection<String> codes);
}

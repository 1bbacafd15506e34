package ir.hamyar.domain.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "working_group")
class WorkingGroup {

    @Id
    private Integer id;

    @Column(nullable = false, length = 32)
    private String code;

    @Column(name = "sort_order", nullable = false)
    private Integer sortOrder;

    @Column(nullable = false)
    private boolean active;

    protected WorkingGroup() {
    }

    Integer id() {
        return id;
    }

    String code() {
        return code;
    }

    int sortOrder() {
        return sortOrder;
    }

    boolean active() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    WorkingGroupView toView() {
        return new WorkingGroupView(id, code, active);
    }
}

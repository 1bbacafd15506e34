package ir.hamyar.domain.offices;

/** The outcome of {@link Offices#linkGroup}: the group is now the office's alert channel, or why not. */
public sealed interface LinkResult {

    /** {@code previous} is the group the office had before (now unlinked), or null. */
    record Linked(OfficeView office, OfficeView.GroupChat previous) implements LinkResult {
    }

    record Rejected(Reason reason) implements LinkResult {
    }

    enum Reason {
        /** no such code, already used, or expired */
        INVALID_CODE,
        OFFICE_NOT_ACTIVE,
        /** this group is the alert channel of another office; unlink it there first */
        GROUP_LINKED_TO_OTHER_OFFICE
    }
}

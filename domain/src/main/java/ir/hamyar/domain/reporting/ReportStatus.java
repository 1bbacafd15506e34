package ir.hamyar.domain.reporting;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands. RESOLVED may be reopened by the reporter's "not fixed"; REJECTED is final. */
public enum ReportStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, REJECTED, REOPENED;

    /** The statuses in which an office still owes the reporter something. */
    public static final Set<ReportStatus> OPEN = EnumSet.of(NEW, ACKNOWLEDGED, IN_PROGRESS, REOPENED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether the office has not yet responded (the escalation clock runs). */
    public boolean awaitsResponse() {
        return this == NEW || this == REOPENED;
    }

    /** The transitions a manager may make from here. */
    public boolean managerMayMoveTo(ReportStatus next) {
        return switch (next) {
            case ACKNOWLEDGED -> this == NEW || this == REOPENED;
            case IN_PROGRESS -> this == NEW || this == REOPENED || this == ACKNOWLEDGED;
            case RESOLVED, REJECTED -> isOpen();
            case NEW, REOPENED -> false;
        };
    }
}

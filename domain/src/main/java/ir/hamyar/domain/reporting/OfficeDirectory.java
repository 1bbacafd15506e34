package ir.hamyar.domain.reporting;

import java.util.List;

/**
 * What reporting needs from the office hierarchy and manager appointments, in one narrow seam (implemented
 * over the offices and appointments modules).
 */
interface OfficeDirectory {

    /** The active offices that cover the area, most local first (local centre, county, province); empty: admins. */
    List<Long> routeFor(int countyId, String neighbourhood);

    /** The office's ancestors, its parent first. */
    List<Long> ancestors(long officeId);

    boolean isActive(long officeId);

    /** The office's first-response time in hours. */
    int responseHours(long officeId);

    boolean isManagerOf(long memberId, long officeId);
}

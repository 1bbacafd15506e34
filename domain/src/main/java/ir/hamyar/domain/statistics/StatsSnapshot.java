package ir.hamyar.domain.statistics;

import ir.hamyar.domain.statistics.Figures.AppointmentFigures;
import ir.hamyar.domain.statistics.Figures.CodeCount;
import ir.hamyar.domain.statistics.Figures.CourseFigures;
import ir.hamyar.domain.statistics.Figures.OfficeResponse;
import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;

import java.time.Instant;
import java.util.List;

/** Every figure of {@code /stats} for one scope, taken at {@code at}. Lists are ordered largest first (weeks: oldest first). */
public record StatsSnapshot(Instant at, long members, List<RegionCount> membersByProvince,
                            List<RegionCount> membersByCounty, List<WeekCount> registrationsPerWeek,
                            List<CodeCount> reportsByStatus, List<CodeCount> reportsByCategory,
                            List<OfficeResponse> firstResponses, int responseWindowDays, CourseFigures courses,
                            AppointmentFigures appointments) {

    public StatsSnapshot {
        membersByProvince = List.copyOf(membersByProvince);
        membersByCounty = List.copyOf(membersByCounty);
        registrationsPerWeek = List.copyOf(registrationsPerWeek);
        reportsByStatus = List.copyOf(reportsByStatus);
        reportsByCategory = List.copyOf(reportsByCategory);
        firstResponses = List.copyOf(firstResponses);
    }

    public long reports() {
        return reportsByStatus.stream().mapToLong(CodeCount::reports).sum();
    }
}

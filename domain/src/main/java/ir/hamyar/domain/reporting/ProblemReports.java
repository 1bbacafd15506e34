package ir.hamyar.domain.reporting;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ProblemReports extends Repository<ProblemReport, Long> {

    Optional<ProblemReport> findById(Long id);

    Optional<ProblemReport> findByTrackingCode(String trackingCode);

    List<ProblemReport> findByReporterIdOrderByCreatedAtDesc(Long reporterId);

    long countByReporterIdAndCreatedAtGreaterThanEqual(Long reporterId, Instant since);

    @Query("select r from ProblemReport r where r.status in :statuses and r.officeId is not null"
            + " and r.awaitingSince <= :before order by r.awaitingSince")
    List<ProblemReport> awaitingResponseSince(Collection<ReportStatus> statuses, Instant before);

    @Query("select r from ProblemReport r where r.status = ir.hamyar.domain.reporting.ReportStatus.RESOLVED"
            + " and r.followUpSent = false and r.reporterId is not null and r.resolvedAt <= :before")
    List<ProblemReport> dueForFollowUp(Instant before);

    List<ProblemReport> findByOfficeIdAndStatusInOrderByCreatedAtAscIdAsc(Long officeId,
                                                                          Collection<ReportStatus> statuses);

    List<ProblemReport> findByOfficeIdIsNullAndStatusInOrderByCreatedAtAscIdAsc(Collection<ReportStatus> statuses);

    List<ProblemReport> findByOfficeIdAndCategoryAndStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
            Long officeId, String category, Collection<ReportStatus> statuses, Instant since);

    List<ProblemReport> findByOfficeIdIsNullAndCategoryAndStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
            String category, Collection<ReportStatus> statuses, Instant since);
}

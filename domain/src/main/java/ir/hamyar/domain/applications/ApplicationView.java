package ir.hamyar.domain.applications;

import ir.hamyar.domain.offices.OfficeLevel;

import java.time.Instant;
import java.util.List;

/**
 * A founding application. {@code trackingNo} is what the applicant quotes ({@code F000042}); {@code question}
 * is the reviewers' last question and {@code answer} the applicant's last answer; {@code officeId} and
 * {@code permitNo} are set once approved.
 */
public record ApplicationView(long id, String trackingNo, long founderId, OfficeLevel level, int provinceId,
                              int countyId, String neighbourhood, String proposedName, String spaceAddress,
                              SpaceTenure tenure, String background, ApplicationStatus status, Instant submittedAt,
                              Instant updatedAt, Instant waitingSince, String question, String answer,
                              String decisionReason, Long officeId, String permitNo, List<Cofounder> cofounders) {

    public ApplicationView {
        cofounders = List.copyOf(cofounders);
    }

    public record Cofounder(long memberId, CofounderStatus status) {
    }

    @Override
    public String toString() {
        return "ApplicationView[id=" + id + ", status=" + status + "]";
    }
}

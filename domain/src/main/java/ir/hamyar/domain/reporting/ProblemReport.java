package ir.hamyar.domain.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The report aggregate. Inserted by {@link ReportStore} (the tracking code must be unique, and a race on it
 * must not doom the caller's transaction); changed only through its guarded transitions. {@code @Version}
 * makes two managers pressing at once serialise: the loser's update is retried and then sees the new state.
 */
@Entity
@Table(name = "problem_report")
class ProblemReport {

    @Id
    private Long id;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Column(name = "reporter_id")
    private Long reporterId;

    @Column(name = "category_code", nullable = false)
    private String category;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    private Double latitude;

    private Double longitude;

    private String address;

    @Column(name = "county_id", nullable = false)
    private int countyId;

    private String neighbourhood;

    @Column(name = "show_name", nullable = false)
    private boolean showName;

    @Column(name = "office_id")
    private Long officeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "awaiting_since", nullable = false)
    private Instant awaitingSince;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "last_escalated_at")
    private Instant lastEscalatedAt;

    @Column(name = "followup_sent", nullable = false)
    private boolean followUpSent;

    @Version
    @Column(nullable = false)
    private Long version;

    protected ProblemReport() {
    }

    long id() {
        return id;
    }

    String trackingCode() {
        return trackingCode;
    }

    Long reporterId() {
        return reporterId;
    }

    String category() {
        return category;
    }

    int countyId() {
        return countyId;
    }

    Long officeId() {
        return officeId;
    }

    ReportStatus status() {
        return status;
    }

    int escalationLevel() {
        return escalationLevel;
    }

    Instant awaitingSince() {
        return awaitingSince;
    }

    Instant lastEscalatedAt() {
        return lastEscalatedAt;
    }

    boolean followUpSent() {
        return followUpSent;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    /** A manager's status change; the caller checked {@link ReportStatus#managerMayMoveTo}. */
    void moveTo(ReportStatus next, Instant at) {
        if (!status.managerMayMoveTo(next)) {
            throw new IllegalStateException("no transition " + status + " -> " + next);
        }
        if (acknowledgedAt == null || status.awaitsResponse()) {
            acknowledgedAt = at; // any response stops the escalation clock
        }
        if (next == ReportStatus.RESOLVED) {
            resolvedAt = at;
            followUpSent = false;
        }
        status = next;
    }

    /** Another office becomes responsible: it is due to respond afresh, its own escalation clock starts. */
    void forwardTo(long office, Instant at) {
        officeId = office;
        status = ReportStatus.NEW;
        awaitingSince = at;
        acknowledgedAt = null;
        escalationLevel = 0;
        lastEscalatedAt = null;
    }

    void escalated(Instant at) {
        escalationLevel++;
        lastEscalatedAt = at;
    }

    void followUpAsked() {
        followUpSent = true;
    }

    void reopen(Instant at) {
        if (status != ReportStatus.RESOLVED) {
            throw new IllegalStateException("only a resolved report is reopened");
        }
        status = ReportStatus.REOPENED;
        awaitingSince = at;
        acknowledgedAt = null;
        resolvedAt = null;
        escalationLevel = 0;
        lastEscalatedAt = null;
    }

    ReportView toView(java.util.List<ReportPhoto> photos, long supporters) {
        return new ReportView(id, trackingCode, reporterId, category, title, description, latitude, longitude,
                address, countyId, neighbourhood, showName, officeId, status, createdAt, acknowledgedAt, resolvedAt,
                escalationLevel, photos, supporters);
    }
}

package ir.hamyar.domain.applications;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.CreateResult;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The founding applications façade. Every decision is re-authorised here (member reviewers must manage the
 * application's province office now; admins are vouched for by the caller), checked against the current
 * state under a row lock, and written to the audit trail in the same transaction.
 */
@Service
@Transactional
public class Applications {

    static final String SUBJECT = "APPLICATION";
    static final int MAX_NAME = 100;
    static final int MIN_NAME = 3;
    static final int MAX_ADDRESS = 300;
    static final int MIN_ADDRESS = 5;
    static final int MAX_BACKGROUND = 2000;
    static final int MIN_BACKGROUND = 10;
    static final int MAX_NEIGHBOURHOOD = 80;
    static final int MAX_QUESTION = 1000;
    static final int MAX_ANSWER = 2000;
    static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(Applications.class);

    private final ApplicationRows rows;
    private final PermitNumbers permits;
    private final Membership membership;
    private final Offices offices;
    private final Appointments appointments;
    private final Regions regions;
    private final AuditTrail audit;
    private final ApplicationSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Applications(ApplicationRows rows, PermitNumbers permits, Membership membership, Offices offices,
                 Appointments appointments, Regions regions, AuditTrail audit, ApplicationSettings settings,
                 ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.permits = permits;
        this.membership = membership;
        this.offices = offices;
        this.appointments = appointments;
        this.regions = regions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.events = events;
    }

    // ---- lookups ----

    @Transactional(readOnly = true)
    public Optional<ApplicationView> find(long applicationId) {
        return rows.find(applicationId);
    }

    /** By tracking number as typed ({@code F000042}, {@code f42}). */
    @Transactional(readOnly = true)
    public Optional<ApplicationView> findByTrackingNo(String trackingNo) {
        return ApplicationRows.idOf(trackingNo).flatMap(rows::find);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> ofFounder(long founderId) {
        return rows.ofFounder(founderId);
    }

    /** Open applications, oldest first; of one province, or all when {@code provinceIdOrNull} is null. */
    @Transactional(readOnly = true)
    public List<ApplicationView> open(Integer provinceIdOrNull) {
        return rows.open(provinceIdOrNull);
    }

    /** The member reviewers of an application: its province office's manager(s). Admins come on top. */
    @Transactional(readOnly = true)
    public List<Long> memberReviewers(long applicationId) {
        return rows.find(applicationId).map(a -> appointments.provinceManagers(a.provinceId())).orElse(List.of());
    }

    /** Whether this reviewer may decide on this application now. */
    @Transactional(readOnly = true)
    public boolean mayReview(Reviewer reviewer, long applicationId) {
        return rows.find(applicationId).map(a -> authorised(reviewer, a)).orElse(false);
    }

    // ---- submission ----

    public Result submit(NewApplication cmd) {
        Objects.requireNonNull(cmd, "cmd");
        Optional<MemberView> founder = membership.find(cmd.founderId());
        if (founder.isEmpty() || !founder.get().isActive()) {
            return refused(Refusal.FOUNDER_NOT_ACTIVE);
        }
        if (cmd.level() != OfficeLevel.COUNTY && cmd.level() != OfficeLevel.LOCAL) {
            return refused(Refusal.INVALID_LEVEL);
        }
        if (!regions.countyBelongsTo(cmd.countyId(), cmd.provinceId())) {
            return refused(Refusal.COUNTY_NOT_IN_PROVINCE);
        }
        String neighbourhood = null;
        if (cmd.level() == OfficeLevel.LOCAL) {
            neighbourhood = tidy(cmd.neighbourhood());
            if (neighbourhood.length() < 2 || neighbourhood.length() > MAX_NEIGHBOURHOOD) {
                return refused(Refusal.NEIGHBOURHOOD_REQUIRED);
            }
        }
        String name = tidy(cmd.proposedName());
        if (name.length() < MIN_NAME || name.length() > MAX_NAME) {
            return refused(Refusal.INVALID_NAME);
        }
        String address = tidy(cmd.spaceAddress());
        if (address.length() < MIN_ADDRESS || address.length() > MAX_ADDRESS) {
            return refused(Refusal.INVALID_ADDRESS);
        }
        if (cmd.tenure() == null) {
            return refused(Refusal.INVALID_TENURE);
        }
        String background = cmd.background() == null ? "" : cmd.background().strip();
        if (background.length() < MIN_BACKGROUND || background.length() > MAX_BACKGROUND) {
            return refused(Refusal.INVALID_BACKGROUND);
        }
        if (!cmd.accepted().containsAll(EnumSet.allOf(Principle.class))) {
            return refused(Refusal.PRINCIPLES_NOT_ACCEPTED);
        }
        Optional<Refusal> team = checkCofounders(cmd.founderId(), cmd.cofounderIds());
        if (team.isPresent()) {
            return refused(team.get());
        }
        boolean occupied = cmd.level() == OfficeLevel.COUNTY
                ? offices.countyOffice(cmd.countyId()).isPresent()
                : offices.routeFor(cmd.countyId(), neighbourhood).stream().anyMatch(o -> o.level() == OfficeLevel.LOCAL);
        if (occupied) {
            return refused(Refusal.REGION_HAS_OFFICE);
        }
        String slot = cmd.founderId() + ":" + cmd.countyId();
        if (rows.openSlotTaken(slot)) {
            return refused(Refusal.OPEN_APPLICATION_EXISTS);
        }
        Instant now = clock.instant();
        OptionalLong id = rows.insert(new ApplicationRows.Insert(cmd.founderId(), cmd.level(), cmd.provinceId(),
                cmd.countyId(), neighbourhood, slot, name, address, cmd.tenure(), background, now));
        if (id.isEmpty()) {
            return refused(Refusal.OPEN_APPLICATION_EXISTS); // a concurrent submission won
        }
        for (Long cofounder : new HashSet<>(cmd.cofounderIds())) {
            rows.insertCofounder(id.getAsLong(), cofounder);
        }
        audit.record(Actor.member(cmd.founderId()), "APPLICATION_SUBMITTED", SUBJECT, id.getAsLong(), null, null);
        events.publishEvent(new ApplicationSubmitted(id.getAsLong(), cmd.founderId(), cmd.provinceId()));
        log.info("application {} submitted by member {}", id.getAsLong(), cmd.founderId());
        return new Result.Done(rows.find(id.getAsLong()).orElseThrow());
    }

    /** Co-founders: distinct active members other than the founder, at most the configured number. */
    public Optional<Refusal> checkCofounders(long founderId, List<Long> cofounderIds) {
        Set<Long> distinct = new HashSet<>(cofounderIds);
        if (distinct.size() > settings.maxCofounders()) {
            return Optional.of(Refusal.TOO_MANY_COFOUNDERS);
        }
        for (Long id : distinct) {
            if (id == null || id == founderId
                    || membership.find(id).filter(MemberView::isActive).isEmpty()) {
                return Optional.of(Refusal.INVALID_COFOUNDER);
            }
        }
        return Optional.empty();
    }

    /** A named co-founder confirms or declines; only once, only while the application is open. */
    public Result respondAsCofounder(long applicationId, long memberId, boolean confirm) {
        Optional<ApplicationView> found = rows.lock(applicationId);
        if (found.isEmpty()) {
            return refused(Refusal.NO_SUCH_APPLICATION);
        }
        ApplicationView app = found.get();
        if (!rows.invited(applicationId, memberId)) {
            return refused(Refusal.NOT_INVITED);
        }
        if (!app.status().isOpen()) {
            return refused(Refusal.WRONG_STATE);
        }
        if (!rows.respond(applicationId, memberId, confirm, clock.instant())) {
            return refused(Refusal.ALREADY_RESPONDED);
        }
        events.publishEvent(new CofounderResponded(applicationId, app.founderId(), memberId, confirm));
        return new Result.Done(rows.find(applicationId).orElseThrow());
    }

    /** The founder withdraws an open application. */
    public Result withdraw(long applicationId, long founderId) {
        Optional<ApplicationView> found = rows.lock(applicationId);
        if (found.isEmpty() || found.get().founderId() != founderId) {
            return refused(Refusal.NO_SUCH_APPLICATION);
        }
        if (!found.get().status().isOpen()) {
            return refused(Refusal.WRONG_STATE);
        }
        return close(found.get(), ApplicationStatus.WITHDRAWN, null, Actor.member(founderId), "APPLICATION_WITHDRAWN");
    }

    // ---- review ----

    /** Asks the applicant for more information; the application then waits on them. */
    public Result askForInformation(long applicationId, Reviewer reviewer, String question) {
        String q = clip(question, MAX_QUESTION);
        if (q.isEmpty()) {
            return refused(Refusal.TEXT_REQUIRED);
        }
        Optional<ApplicationView> found = rows.lock(applicationId);
        Optional<Refusal> refusal = decidable(found, reviewer);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        ApplicationView app = found.get();
        rows.askApplicant(applicationId, q, clock.instant());
        audit.record(reviewer.actor(), "APPLICATION_INFO_REQUESTED", SUBJECT, applicationId, null, q);
        events.publishEvent(new ApplicationChanged(applicationId, app.founderId(), app.provinceId(),
                ApplicationStatus.WAITING_FOR_APPLICANT, q));
        return new Result.Done(rows.find(applicationId).orElseThrow());
    }

    /** The founder's answer to the reviewers' question; the application returns to review. */
    public Result answer(long applicationId, long founderId, String answer) {
        String a = clip(answer, MAX_ANSWER);
        if (a.isEmpty()) {
            return refused(Refusal.TEXT_REQUIRED);
        }
        Optional<ApplicationView> found = rows.lock(applicationId);
        if (found.isEmpty() || found.get().founderId() != founderId) {
            return refused(Refusal.NO_SUCH_APPLICATION);
        }
        if (found.get().status() != ApplicationStatus.WAITING_FOR_APPLICANT) {
            return refused(Refusal.WRONG_STATE);
        }
        rows.answered(applicationId, a, clock.instant());
        audit.record(Actor.member(founderId), "APPLICATION_ANSWERED", SUBJECT, applicationId, null, null);
        events.publishEvent(new ApplicationChanged(applicationId, founderId, found.get().provinceId(),
                ApplicationStatus.SUBMITTED, a));
        return new Result.Done(rows.find(applicationId).orElseThrow());
    }

    public Result reject(long applicationId, Reviewer reviewer, String reason) {
        String r = clip(reason, MAX_REASON);
        if (r.isEmpty()) {
            return refused(Refusal.TEXT_REQUIRED);
        }
        Optional<ApplicationView> found = rows.lock(applicationId);
        Optional<Refusal> refusal = decidable(found, reviewer);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        return close(found.get(), ApplicationStatus.REJECTED, r, reviewer.actor(), "APPLICATION_REJECTED");
    }

    /**
     * Approves: creates the office (a local centre under its county office, which must exist; a county office
     * under its province office, or with no parent while the province has none — the admins then stand in),
     * issues its founding permit and the founder's MANAGER decree. The founder must be able to hold a decree
     * (active, trained); otherwise, or if the office cannot be created, nothing changes.
     */
    public Result approve(long applicationId, Reviewer reviewer) {
        Optional<ApplicationView> found = rows.lock(applicationId);
        Optional<Refusal> refusal = decidable(found, reviewer);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        ApplicationView app = found.get();
        Optional<ir.hamyar.domain.appointments.Refusal> founder = appointments.memberEligibility(app.founderId());
        if (founder.isPresent()) {
            return refused(founder.get() == ir.hamyar.domain.appointments.Refusal.TRAINING_NOT_COMPLETED
                    ? Refusal.FOUNDER_NOT_ELIGIBLE_TRAINING : Refusal.FOUNDER_NOT_ELIGIBLE_INACTIVE);
        }
        NewOffice office = app.level() == OfficeLevel.COUNTY
                ? NewOffice.county(app.provinceId(), app.countyId(), app.proposedName())
                : NewOffice.local(app.provinceId(), app.countyId(), app.neighbourhood(), app.proposedName());
        CreateResult created = offices.establish(office.withAddress(app.spaceAddress()));
        if (created instanceof CreateResult.Refused r) {
            return refused(switch (r.reason()) {
                case PARENT_OFFICE_MISSING -> Refusal.PARENT_OFFICE_MISSING;
                case REGION_ALREADY_HAS_OFFICE -> Refusal.REGION_HAS_OFFICE;
                default -> Refusal.OFFICE_NOT_CREATED;
            });
        }
        OfficeView newOffice = ((CreateResult.Created) created).office();
        String permit = permits.next(clock.instant());
        if (!offices.assignFoundingPermit(newOffice.id(), permit)) {
            throw new IllegalStateException("founding permit number already used");
        }
        Issuer issuer = new Issuer(reviewer.actor().memberId(), reviewer.actor().platform(), reviewer.actor().userId());
        IssueResult decree = appointments.issue(new IssueAppointment(app.founderId(), newOffice.id(),
                AppointmentRole.MANAGER, null, null, issuer));
        if (!(decree instanceof IssueResult.Issued issued)) {
            // checked above; only a concurrent change gets here, and then the office must not stay either
            throw new IllegalStateException("founder decree refused after checks: " + decree);
        }
        Result done = close(app, ApplicationStatus.APPROVED, null, reviewer.actor(), "APPLICATION_APPROVED",
                newOffice.id(), permit);
        return new Result.Approved(((Result.Done) done).application(), newOffice.id(), issued.appointment().id());
    }

    // ---- the daily job ----

    /** Expires applications that waited on their applicant longer than the configured time; returns how many. */
    public int expireWaiting() {
        Instant cutoff = clock.instant().minus(settings.waitingExpiry());
        int expired = 0;
        for (long id : rows.waitingSinceBefore(cutoff)) {
            Optional<ApplicationView> app = rows.lock(id)
                    .filter(a -> a.status() == ApplicationStatus.WAITING_FOR_APPLICANT);
            if (app.isPresent()) {
                close(app.get(), ApplicationStatus.EXPIRED, null, Actor.system(), "APPLICATION_EXPIRED");
                expired++;
            }
        }
        return expired;
    }

    // ---- helpers ----

    private Optional<Refusal> decidable(Optional<ApplicationView> found, Reviewer reviewer) {
        if (found.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_APPLICATION);
        }
        if (reviewer == null || !authorised(reviewer, found.get())) {
            return Optional.of(Refusal.NOT_AUTHORISED);
        }
        if (!found.get().status().isOpen()) {
            return Optional.of(Refusal.WRONG_STATE);
        }
        return Optional.empty();
    }

    private boolean authorised(Reviewer reviewer, ApplicationView app) {
        Long memberId = reviewer.actor().memberId();
        if (memberId != null && memberId == app.founderId()) {
            return false;
        }
        if (reviewer.network()) {
            return true;
        }
        return memberId != null && appointments.provinceManagers(app.provinceId()).contains(memberId);
    }

    private Result close(ApplicationView app, ApplicationStatus status, String reason, Actor actor, String action) {
        return close(app, status, reason, actor, action, null, null);
    }

    private Result close(ApplicationView app, ApplicationStatus status, String reason, Actor actor, String action,
                         Long officeId, String permit) {
        rows.close(app.id(), status, reason, officeId, permit, clock.instant());
        audit.record(actor, action, SUBJECT, app.id(), officeId, reason);
        events.publishEvent(new ApplicationChanged(app.id(), app.founderId(), app.provinceId(), status, reason));
        log.info("application {} is now {}", app.id(), status);
        return new Result.Done(rows.find(app.id()).orElseThrow());
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason);
    }

    private static String tidy(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String clip(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}

package ir.hamyar.domain.appointments;

import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The appointments façade: issuing, renewing and revoking decrees, the authority they give, and the daily
 * term work. Authority is read from the database on every call (no cache), so a revoked or expired manager
 * loses it at once. Who may issue (admins, province managers) is checked by the caller; the domain checks
 * everything about the member, the office and the term.
 */
@Service
@Transactional
public class Appointments {

    /** Terms are calendar days in Iran. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
    static final int MAX_REASON = 300;

    private static final Logger log = LoggerFactory.getLogger(Appointments.class);

    private final AppointmentRows rows;
    private final DecreeNumbers decrees;
    private final Membership membership;
    private final Offices offices;
    private final ObjectProvider<TrainingRecord> training;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Appointments(AppointmentRows rows, DecreeNumbers decrees, Membership membership, Offices offices,
                 ObjectProvider<TrainingRecord> training, AppointmentSettings settings, ObjectProvider<Clock> clock,
                 ApplicationEventPublisher events) {
        this.rows = rows;
        this.decrees = decrees;
        this.membership = membership;
        this.offices = offices;
        this.training = training;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.events = events;
    }

    // ---- authority ----

    /**
     * Whether the member may act as a manager of the office now: an active MANAGER or DEPUTY appointment on
     * that office, or the MANAGER of the active province office of its province; the member must be active.
     */
    @Transactional(readOnly = true)
    public boolean isManagerOf(long memberId, long officeId) {
        return rows.isManagerOf(memberId, officeId, today());
    }

    /** The members with manager powers of this very office (managers, then deputies), in force today. */
    @Transactional(readOnly = true)
    public List<Long> activeManagersOf(long officeId) {
        return rows.managersOf(officeId, today());
    }

    /** The offices the member manages (as MANAGER or DEPUTY of that office), in force today. */
    @Transactional(readOnly = true)
    public List<Long> officesManagedBy(long memberId) {
        return rows.officesManagedBy(memberId, today());
    }

    /**
     * Whether the member, as manager of a province office, may issue, renew and revoke appointments for this
     * office: it lies in their province.
     */
    @Transactional(readOnly = true)
    public boolean isProvinceManagerFor(long memberId, long officeId) {
        Optional<OfficeView> office = offices.find(officeId);
        if (office.isEmpty()) {
            return false;
        }
        return offices.provinceOffice(office.get().provinceId())
                .map(p -> isProvinceManager(memberId, p.id()))
                .orElse(false)
                && membership.find(memberId).filter(MemberView::isActive).isPresent();
    }

    private boolean isProvinceManager(long memberId, long provinceOfficeId) {
        LocalDate today = today();
        return rows.activeInOffice(provinceOfficeId).stream()
                .anyMatch(a -> a.memberId() == memberId && a.role() == AppointmentRole.MANAGER
                        && !a.termStart().isAfter(today) && !a.termEnd().isBefore(today));
    }

    // ---- lookups ----

    @Transactional(readOnly = true)
    public Optional<AppointmentView> find(long appointmentId) {
        return rows.find(appointmentId);
    }

    @Transactional(readOnly = true)
    public List<AppointmentView> activeOf(long memberId) {
        return rows.activeOfMember(memberId);
    }

    @Transactional(readOnly = true)
    public List<AppointmentView> historyOf(long memberId) {
        return rows.ofMember(memberId);
    }

    @Transactional(readOnly = true)
    public List<AppointmentView> activeIn(long officeId) {
        return rows.activeInOffice(officeId);
    }

    /** Today in Iran by the application clock: the day terms are measured against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ---- eligibility and issuing ----

    /** Why this member could not be appointed to this office in this role now; empty when they could. */
    @Transactional(readOnly = true)
    public Optional<Refusal> eligibility(long memberId, long officeId, AppointmentRole role) {
        if (role == null) {
            return Optional.of(Refusal.INVALID_ROLE);
        }
        Optional<MemberView> member = membership.find(memberId);
        if (member.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_MEMBER);
        }
        if (!member.get().isActive()) {
            return Optional.of(Refusal.MEMBER_NOT_ACTIVE);
        }
        if (!trained(memberId)) {
            return Optional.of(Refusal.TRAINING_NOT_COMPLETED);
        }
        Optional<OfficeView> office = offices.find(officeId);
        if (office.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_OFFICE);
        }
        if (!office.get().isActive()) {
            return Optional.of(Refusal.OFFICE_NOT_ACTIVE);
        }
        if (rows.holdsActiveRole(memberId, officeId)) {
            return Optional.of(Refusal.CONFLICTING_ROLE);
        }
        if (role == AppointmentRole.MANAGER && rows.hasActiveManager(officeId)) {
            return Optional.of(Refusal.OFFICE_HAS_MANAGER);
        }
        return Optional.empty();
    }

    /** Any registered training record counts; with none registered (no training module yet) nobody is trained. */
    private boolean trained(long memberId) {
        return training.orderedStream().anyMatch(t -> t.hasCompletedTraining(memberId));
    }

    /**
     * Issues a decree after checking eligibility and the term. Race-safe: issuing transactions of a year take
     * the year's decree counter lock first, so the checks and the number are decided one at a time.
     */
    public IssueResult issue(IssueAppointment cmd) {
        Objects.requireNonNull(cmd, "cmd");
        Instant now = clock.instant();
        LocalDate start = cmd.termStart() == null ? today() : cmd.termStart();
        LocalDate end = cmd.termEnd() == null ? start.plus(settings.defaultTerm()).minusDays(1) : cmd.termEnd();
        if (!validTerm(start, end)) {
            return new IssueResult.Refused(Refusal.INVALID_TERM);
        }
        int year = decrees.lockYear(now);
        Optional<Refusal> refusal = eligibility(cmd.memberId(), cmd.officeId(), cmd.role());
        if (refusal.isPresent()) {
            return new IssueResult.Refused(refusal.get());
        }
        AppointmentView issued = insert(cmd.memberId(), cmd.officeId(), cmd.role(), start, end, year, cmd.issuer(),
                now, null);
        events.publishEvent(new AppointmentIssued(issued.id(), issued.memberId(), issued.officeId(), issued.role(),
                null));
        log.info("appointment {} issued (member {}, office {}, {})", issued.id(), issued.memberId(),
                issued.officeId(), issued.role());
        return new IssueResult.Issued(issued);
    }

    /**
     * Continues an active appointment with a new decree from today to {@code newTermEnd} (null: the default
     * term after the current end). The member must still be eligible, except for holding this very role.
     */
    public IssueResult renew(long appointmentId, LocalDate newTermEnd, Issuer issuer) {
        Instant now = clock.instant();
        int year = decrees.lockYear(now);
        Optional<AppointmentView> found = rows.lock(appointmentId);
        if (found.isEmpty()) {
            return new IssueResult.Refused(Refusal.NO_SUCH_APPOINTMENT);
        }
        AppointmentView old = found.get();
        if (!old.isActive()) {
            return new IssueResult.Refused(Refusal.NOT_ACTIVE);
        }
        LocalDate start = today();
        LocalDate base = old.termEnd().isBefore(start) ? start : old.termEnd();
        LocalDate end = newTermEnd == null ? base.plus(settings.defaultTerm()) : newTermEnd;
        if (!validTerm(start, end) || !end.isAfter(old.termEnd())) {
            return new IssueResult.Refused(Refusal.INVALID_TERM);
        }
        Optional<MemberView> member = membership.find(old.memberId());
        if (member.isEmpty() || !member.get().isActive()) {
            return new IssueResult.Refused(Refusal.MEMBER_NOT_ACTIVE);
        }
        if (!trained(old.memberId())) {
            return new IssueResult.Refused(Refusal.TRAINING_NOT_COMPLETED);
        }
        if (offices.find(old.officeId()).filter(OfficeView::isActive).isEmpty()) {
            return new IssueResult.Refused(Refusal.OFFICE_NOT_ACTIVE);
        }
        rows.end(old.id(), AppointmentStatus.RENEWED, now, null);
        AppointmentView renewed = insert(old.memberId(), old.officeId(), old.role(), start, end, year, issuer, now,
                old.id());
        events.publishEvent(new AppointmentRenewed(old.id(), renewed.id(), renewed.memberId(), renewed.officeId()));
        events.publishEvent(new AppointmentIssued(renewed.id(), renewed.memberId(), renewed.officeId(),
                renewed.role(), old.id()));
        log.info("appointment {} renewed as {}", old.id(), renewed.id());
        return new IssueResult.Issued(renewed);
    }

    /** Revokes an active appointment; the reason (required, at most 300 characters kept) goes to the member. */
    public Optional<Refusal> revoke(long appointmentId, String reason, Issuer issuer) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            return Optional.of(Refusal.REASON_REQUIRED);
        }
        if (clean.length() > MAX_REASON) {
            clean = clean.substring(0, MAX_REASON);
        }
        Optional<AppointmentView> found = rows.lock(appointmentId);
        if (found.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_APPOINTMENT);
        }
        if (!rows.end(appointmentId, AppointmentStatus.REVOKED, clock.instant(), clean)) {
            return Optional.of(Refusal.NOT_ACTIVE);
        }
        AppointmentView a = found.get();
        events.publishEvent(new AppointmentRevoked(a.id(), a.memberId(), a.officeId(), clean));
        log.info("appointment {} revoked", a.id());
        return Optional.empty();
    }

    // ---- daily term work ----

    /** Ends every active appointment whose term ended before today; returns how many. */
    public int expireEndedTerms() {
        Instant now = clock.instant();
        int expired = 0;
        for (AppointmentView a : rows.activeEndedBefore(today())) {
            if (rows.end(a.id(), AppointmentStatus.EXPIRED, now, null)) {
                events.publishEvent(new AppointmentExpired(a.id(), a.memberId(), a.officeId()));
                expired++;
            }
        }
        if (expired > 0) {
            log.info("{} appointments expired", expired);
        }
        return expired;
    }

    /**
     * Publishes {@link AppointmentEndingSoon} once per appointment when its term ends within 30 days and once
     * more within 7 (configurable); a term already within 7 days gets only the last reminder. Returns how many.
     */
    public int remindEndingTerms() {
        Instant now = clock.instant();
        LocalDate today = today();
        int sent = 0;
        for (AppointmentView a : rows.dueForReminder(today.plusDays(settings.lastReminderDays()), true)) {
            if (rows.markReminded(a.id(), true, now)) {
                sent += remind(a, today);
            }
        }
        for (AppointmentView a : rows.dueForReminder(today.plusDays(settings.firstReminderDays()), false)) {
            if (rows.markReminded(a.id(), false, now)) {
                sent += remind(a, today);
            }
        }
        return sent;
    }

    private int remind(AppointmentView a, LocalDate today) {
        int daysLeft = (int) Math.max(0, ChronoUnit.DAYS.between(today, a.termEnd()));
        events.publishEvent(new AppointmentEndingSoon(a.id(), a.memberId(), a.officeId(), daysLeft));
        return 1;
    }

    private boolean validTerm(LocalDate start, LocalDate end) {
        LocalDate today = today();
        return !end.isBefore(start) && !end.isBefore(today) && !start.isBefore(today.minusYears(1))
                && !end.isAfter(start.plus(settings.maxTerm()));
    }

    private AppointmentView insert(long memberId, long officeId, AppointmentRole role, LocalDate start,
                                   LocalDate end, int year, Issuer issuer, Instant now, Long renewalOf) {
        Issuer who = issuer == null ? Issuer.system() : issuer;
        long id = rows.insert(new AppointmentRows.Insert(memberId, officeId, role, start, end, decrees.next(year),
                who.memberId(), who.account(), now, renewalOf));
        return rows.find(id).orElseThrow();
    }
}

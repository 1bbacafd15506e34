package ir.hamyar.domain.training;

import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The training façade. Answers with result codes and views, never sentences; bad input changes nothing.
 *
 * <p>Seats: every change that takes or frees a seat of a course first locks the course row
 * ({@code SELECT … FOR UPDATE}), so of two members racing for the last seat the second counts after the first
 * committed and is offered the waitlist. A freed seat goes to the first on the waitlist as an offer with a
 * deadline; {@link #expireOffers()} passes unconfirmed offers on.
 */
@Service
@Transactional
public class Training {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_LOCATION = 300;
    static final int MAX_SESSIONS = 30;
    static final int MIN_DURATION = 15;
    static final int MAX_DURATION = 600;
    static final int MAX_CAPACITY = 10_000;
    private static final int CERTIFICATE_CODE_ATTEMPTS = 8;

    private static final Logger log = LoggerFactory.getLogger(Training.class);

    private final TrainingRows rows;
    private final Membership membership;
    private final Regions regions;
    private final Offices offices;
    private final TrainingSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Training(TrainingRows rows, Membership membership, Regions regions, Offices offices, TrainingSettings settings,
             ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.membership = membership;
        this.regions = regions;
        this.offices = offices;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.events = events;
    }

    public Instant now() {
        return clock.instant();
    }

    public TrainingSettings settings() {
        return settings;
    }

    // ---- courses ----

    public CreateResult create(NewCourse c) {
        if (c == null || c.level() == null || c.mode() == null || c.audience() == null || c.creator() == null
                || c.creator().platform() == null || c.enrolmentDeadline() == null) {
            return CreateResult.rejected(CreateResult.Problem.MISSING_FIELD);
        }
        Instant now = now();
        Optional<CreateResult.Problem> problem = problem(c, now);
        if (problem.isPresent()) {
            return CreateResult.rejected(problem.get());
        }
        Instant first = c.sessions().stream().map(NewCourse.NewSession::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant cancellation = c.cancellationDeadline() != null ? c.cancellationDeadline()
                : first.minus(settings.cancellationBefore());
        int absences = c.allowedAbsences() != null ? c.allowedAbsences() : settings.allowedAbsences();
        long id = rows.insertCourse(c, absences, cancellation, now);
        log.info("course {} created (office {})", id, c.officeId());
        return CreateResult.created(id);
    }

    private Optional<CreateResult.Problem> problem(NewCourse c, Instant now) {
        if (c.officeId() != null && offices.find(c.officeId()).filter(OfficeView::isActive).isEmpty()) {
            return Optional.of(CreateResult.Problem.INVALID_OFFICE);
        }
        if (!text(c.title(), 3, MAX_TITLE)) {
            return Optional.of(CreateResult.Problem.INVALID_TITLE);
        }
        if (!text(c.description(), 1, MAX_DESCRIPTION)) {
            return Optional.of(CreateResult.Problem.INVALID_DESCRIPTION);
        }
        if (!validLocation(c.mode(), c.location())) {
            return Optional.of(CreateResult.Problem.INVALID_LOCATION);
        }
        if (c.capacity() < 1 || c.capacity() > MAX_CAPACITY) {
            return Optional.of(CreateResult.Problem.INVALID_CAPACITY);
        }
        if (c.sessions().isEmpty()) {
            return Optional.of(CreateResult.Problem.NO_SESSIONS);
        }
        if (c.sessions().size() > MAX_SESSIONS || c.sessions().stream().anyMatch(s -> s.startsAt() == null
                || s.durationMinutes() < MIN_DURATION || s.durationMinutes() > MAX_DURATION)) {
            return Optional.of(CreateResult.Problem.INVALID_SESSION);
        }
        if (c.sessions().stream().anyMatch(s -> !s.startsAt().isAfter(now))) {
            return Optional.of(CreateResult.Problem.SESSION_IN_PAST);
        }
        Instant last = c.sessions().stream().map(NewCourse.NewSession::startsAt).max(Comparator.naturalOrder()).orElseThrow();
        if (!c.enrolmentDeadline().isAfter(now) || c.enrolmentDeadline().isAfter(last)) {
            return Optional.of(CreateResult.Problem.INVALID_ENROLMENT_DEADLINE);
        }
        if (c.cancellationDeadline() != null && c.cancellationDeadline().isAfter(last)) {
            return Optional.of(CreateResult.Problem.INVALID_CANCELLATION_DEADLINE);
        }
        if (!audience(c.audience(), c.audienceRegionId())) {
            return Optional.of(CreateResult.Problem.INVALID_AUDIENCE);
        }
        if (c.allowedAbsences() != null && (c.allowedAbsences() < 0 || c.allowedAbsences() >= c.sessions().size() + 1)) {
            return Optional.of(CreateResult.Problem.INVALID_ABSENCES);
        }
        return Optional.empty();
    }

    private static boolean text(String s, int min, int max) {
        return s != null && s.strip().length() >= min && s.strip().length() <= max;
    }

    /** In person: an address; online: an http(s) link. */
    public static boolean validLocation(CourseMode mode, String location) {
        if (!text(location, 3, MAX_LOCATION)) {
            return false;
        }
        if (mode != CourseMode.ONLINE) {
            return true;
        }
        try {
            URI uri = new URI(location.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean audience(Audience audience, Integer regionId) {
        return switch (audience) {
            case ALL -> regionId == null;
            case PROVINCE -> regionId != null && regions.province(regionId).isPresent();
            case COUNTY -> regionId != null && regions.county(regionId).isPresent();
        };
    }

    @Transactional(readOnly = true)
    public Optional<CourseView> course(long courseId) {
        return rows.course(courseId);
    }

    @Transactional(readOnly = true)
    public Optional<SessionView> session(long sessionId) {
        return rows.session(sessionId);
    }

    /** Open courses the member may join (by their province and county), nearest first, then newest. */
    @Transactional(readOnly = true)
    public List<CourseView> openCoursesFor(long memberId, int page, int pageSize) {
        Optional<MemberView> m = membership.find(memberId);
        if (m.isEmpty() || page < 0 || pageSize < 1) {
            return List.of();
        }
        return rows.openFor(m.get().provinceId(), m.get().countyId(), now(), page * pageSize, pageSize);
    }

    /**
     * Courses (not cancelled, results not yet confirmed) that this account may run: those it created and those of
     * the given offices; an admin ({@code everything}) sees all of them.
     */
    @Transactional(readOnly = true)
    public List<CourseView> coursesRunBy(List<Long> officeIds, Long memberId, Platform platform, long userId,
                                         boolean everything) {
        return rows.managedBy(officeIds == null ? List.of() : officeIds, memberId, platform, userId, everything);
    }

    public Change edit(long courseId, CourseEdit edit) {
        if (edit == null || !rows.lockCourse(courseId)) {
            return edit == null ? Change.INVALID : Change.NO_SUCH_COURSE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED) {
            return Change.WRONG_STATE;
        }
        if (edit instanceof CourseEdit.Title t) {
            if (!text(t.title(), 3, MAX_TITLE)) {
                return Change.INVALID;
            }
            rows.updateCourseColumn(courseId, "title", t.title().strip());
        } else if (edit instanceof CourseEdit.Description d) {
            if (!text(d.description(), 1, MAX_DESCRIPTION)) {
                return Change.INVALID;
            }
            rows.updateCourseColumn(courseId, "description", d.description().strip());
        } else if (edit instanceof CourseEdit.Location l) {
            if (!validLocation(c.mode(), l.location())) {
                return Change.INVALID;
            }
            rows.updateCourseColumn(courseId, "location", l.location().strip());
        } else if (edit instanceof CourseEdit.Capacity cap) {
            if (cap.capacity() < Math.max(1, c.seatsTaken()) || cap.capacity() > MAX_CAPACITY) {
                return Change.INVALID;
            }
            rows.updateCourseColumn(courseId, "capacity", cap.capacity());
            fillFreeSeats(courseId, cap.capacity(), now());
        } else if (edit instanceof CourseEdit.EnrolmentDeadline d) {
            Instant last = c.sessions().get(c.sessions().size() - 1).startsAt();
            if (d.deadline() == null || !d.deadline().isAfter(now()) || d.deadline().isAfter(last)) {
                return Change.INVALID;
            }
            rows.updateCourseColumn(courseId, "enrolment_deadline", TrainingRows.utc(d.deadline()));
        }
        return Change.DONE;
    }

    /** Stops new enrolments; the course still runs and its waitlist still moves up. */
    public Change closeEnrolment(long courseId) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() != CourseStatus.OPEN) {
            return Change.WRONG_STATE;
        }
        rows.setCourseStatus(courseId, CourseStatus.CLOSED);
        return Change.DONE;
    }

    /** Cancels a course that has not finished; everyone enrolled, offered or waiting is told (event). */
    public Change cancelCourse(long courseId) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED) {
            return Change.WRONG_STATE;
        }
        Instant now = now();
        List<Long> told = new ArrayList<>();
        for (EnrolmentView e : rows.inCourse(courseId, List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED,
                EnrolmentStatus.OFFERED, EnrolmentStatus.PENDING_APPROVAL))) {
            rows.setEnrolment(e.id(), EnrolmentStatus.CANCELLED, null, null, now);
            told.add(e.memberId());
        }
        rows.setCourseStatus(courseId, CourseStatus.CANCELLED);
        events.publishEvent(new CourseCancelled(courseId, told));
        log.info("course {} cancelled, {} members to tell", courseId, told.size());
        return Change.DONE;
    }

    // ---- enrolment ----

    /**
     * Takes a seat (or, for a course that needs approval, holds one pending the manager's decision). A full course
     * answers {@link EnrolResult.Outcome#FULL} with the position the member would take: joining the waitlist is
     * their choice ({@link #joinWaitlist}).
     */
    public EnrolResult enrol(long courseId, long memberId) {
        return enrol(courseId, memberId, false);
    }

    /** Joins the waitlist of a full course; takes a seat instead if one is free by now. */
    public EnrolResult joinWaitlist(long courseId, long memberId) {
        return enrol(courseId, memberId, true);
    }

    private EnrolResult enrol(long courseId, long memberId, boolean waitIfFull) {
        Optional<MemberView> member = membership.find(memberId);
        if (member.isEmpty() || !member.get().isActive()) {
            return EnrolResult.of(EnrolResult.Outcome.MEMBER_NOT_ACTIVE);
        }
        if (!rows.lockCourse(courseId)) {
            return EnrolResult.of(EnrolResult.Outcome.NO_SUCH_COURSE);
        }
        CourseView c = rows.course(courseId).orElseThrow();
        Instant now = now();
        if (c.status() != CourseStatus.OPEN) {
            return EnrolResult.of(EnrolResult.Outcome.COURSE_NOT_OPEN);
        }
        if (!now.isBefore(c.enrolmentDeadline())) {
            return EnrolResult.of(EnrolResult.Outcome.DEADLINE_PASSED);
        }
        if (!mayJoin(c, member.get())) {
            return EnrolResult.of(EnrolResult.Outcome.NOT_IN_AUDIENCE);
        }
        Optional<EnrolmentView> existing = rows.enrolment(courseId, memberId);
        if (existing.isPresent() && existing.get().status() != EnrolmentStatus.CANCELLED) {
            return new EnrolResult(EnrolResult.Outcome.ALREADY_ENROLLED, existing.get().waitlistPosition());
        }
        boolean seatFree = c.seatsTaken() < c.capacity() && c.waiting() == 0;
        if (!seatFree && !waitIfFull) {
            return new EnrolResult(EnrolResult.Outcome.FULL, c.waiting() + 1);
        }
        EnrolmentStatus status = !seatFree ? EnrolmentStatus.WAITLISTED
                : c.needsApproval() ? EnrolmentStatus.PENDING_APPROVAL : EnrolmentStatus.ENROLLED;
        Long position = status == EnrolmentStatus.WAITLISTED ? rows.nextPosition(courseId) : null;
        if (existing.isPresent()) {
            rows.setEnrolment(existing.get().id(), status, position, null, now);
        } else {
            rows.insertEnrolment(courseId, memberId, status, position, now);
        }
        return switch (status) {
            case WAITLISTED -> new EnrolResult(EnrolResult.Outcome.WAITLISTED, c.waiting() + 1);
            case PENDING_APPROVAL -> {
                events.publishEvent(new EnrolmentRequested(courseId, memberId));
                yield EnrolResult.of(EnrolResult.Outcome.PENDING_APPROVAL);
            }
            default -> {
                events.publishEvent(new EnrolmentConfirmed(courseId, memberId, EnrolmentConfirmed.Via.DIRECT));
                yield EnrolResult.of(EnrolResult.Outcome.ENROLLED);
            }
        };
    }

    /** Whether the member belongs to the course's audience. */
    public static boolean mayJoin(CourseView c, MemberView m) {
        return switch (c.audience()) {
            case ALL -> true;
            case PROVINCE -> c.audienceRegionId().equals(m.provinceId());
            case COUNTY -> c.audienceRegionId().equals(m.countyId());
        };
    }

    /** The member leaves the course (until the cancellation deadline; waiting can always be given up). */
    public Change cancelEnrolment(long courseId, long memberId) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        Optional<EnrolmentView> e = rows.enrolment(courseId, memberId);
        if (e.isEmpty()) {
            return Change.NO_SUCH_ENROLMENT;
        }
        if (!e.get().status().active()) {
            return Change.WRONG_STATE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        Instant now = now();
        if (e.get().status() != EnrolmentStatus.WAITLISTED && !now.isBefore(c.cancellationDeadline())) {
            return Change.DEADLINE_PASSED;
        }
        rows.setEnrolment(e.get().id(), EnrolmentStatus.CANCELLED, null, null, now);
        fillFreeSeats(courseId, c.capacity(), now);
        log.info("member {} left course {}", memberId, courseId);
        return Change.DONE;
    }

    /** The promoted member takes the offered seat (pending approval if the course needs it). */
    public Change confirmOffer(long courseId, long memberId) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        Optional<EnrolmentView> e = rows.enrolment(courseId, memberId);
        if (e.isEmpty()) {
            return Change.NO_SUCH_ENROLMENT;
        }
        if (e.get().status() != EnrolmentStatus.OFFERED) {
            return Change.WRONG_STATE;
        }
        Instant now = now();
        if (!now.isBefore(e.get().offerExpiresAt())) {
            return Change.OFFER_EXPIRED; // the expiry job passes it on
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.needsApproval()) {
            rows.setEnrolment(e.get().id(), EnrolmentStatus.PENDING_APPROVAL, null, null, now);
            events.publishEvent(new EnrolmentRequested(courseId, memberId));
        } else {
            rows.setEnrolment(e.get().id(), EnrolmentStatus.ENROLLED, null, null, now);
            events.publishEvent(new EnrolmentConfirmed(courseId, memberId, EnrolmentConfirmed.Via.OFFER));
        }
        return Change.DONE;
    }

    /** The manager accepts ({@code approve}) or refuses a pending enrolment; a refusal frees the seat. */
    public Change decide(long courseId, long memberId, boolean approve) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        Optional<EnrolmentView> e = rows.enrolment(courseId, memberId);
        if (e.isEmpty()) {
            return Change.NO_SUCH_ENROLMENT;
        }
        if (e.get().status() != EnrolmentStatus.PENDING_APPROVAL) {
            return Change.WRONG_STATE;
        }
        Instant now = now();
        if (approve) {
            rows.setEnrolment(e.get().id(), EnrolmentStatus.ENROLLED, null, null, now);
            events.publishEvent(new EnrolmentConfirmed(courseId, memberId, EnrolmentConfirmed.Via.APPROVAL));
        } else {
            rows.setEnrolment(e.get().id(), EnrolmentStatus.CANCELLED, null, null, now);
            fillFreeSeats(courseId, rows.course(courseId).orElseThrow().capacity(), now);
        }
        return Change.DONE;
    }

    /** Offers free seats to the waitlist, first in line first. The caller holds the course lock. */
    private void fillFreeSeats(long courseId, int capacity, Instant now) {
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED) {
            return;
        }
        int free = capacity - rows.seatsTaken(courseId);
        while (free > 0) {
            Optional<EnrolmentView> next = rows.firstWaiting(courseId);
            if (next.isEmpty()) {
                return;
            }
            Instant expires = now.plus(settings.offerWindow());
            rows.setEnrolment(next.get().id(), EnrolmentStatus.OFFERED, null, expires, now);
            events.publishEvent(new WaitlistPromoted(courseId, next.get().memberId(), expires));
            log.info("member {} offered a seat in course {}", next.get().memberId(), courseId);
            free--;
        }
    }

    /** Job: unconfirmed offers past their deadline are withdrawn and the seat goes to the next in line. */
    public int expireOffers() {
        Instant now = now();
        int expired = 0;
        for (EnrolmentView offer : rows.expiredOffers(now)) {
            rows.lockCourse(offer.courseId());
            Optional<EnrolmentView> still = rows.enrolment(offer.courseId(), offer.memberId())
                    .filter(e -> e.status() == EnrolmentStatus.OFFERED && !now.isBefore(e.offerExpiresAt()));
            if (still.isEmpty()) {
                continue; // confirmed or handled meanwhile
            }
            rows.setEnrolment(offer.id(), EnrolmentStatus.CANCELLED, null, null, now);
            events.publishEvent(new OfferExpired(offer.courseId(), offer.memberId()));
            fillFreeSeats(offer.courseId(), rows.course(offer.courseId()).orElseThrow().capacity(), now);
            expired++;
        }
        return expired;
    }

    @Transactional(readOnly = true)
    public Optional<EnrolmentView> enrolment(long courseId, long memberId) {
        return rows.enrolment(courseId, memberId);
    }

    @Transactional(readOnly = true)
    public List<EnrolmentView> enrolmentsOf(long memberId) {
        return rows.enrolmentsOf(memberId);
    }

    /** Members holding or having held a seat (enrolled, pending, offered, and results), by name. */
    @Transactional(readOnly = true)
    public List<Participant> participants(long courseId) {
        List<Participant> list = new ArrayList<>();
        for (EnrolmentView e : rows.inCourse(courseId, List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.OFFERED,
                EnrolmentStatus.PENDING_APPROVAL, EnrolmentStatus.COMPLETED, EnrolmentStatus.NOT_COMPLETED))) {
            String name = membership.find(e.memberId()).map(MemberView::fullName).orElse(null);
            list.add(new Participant(e.memberId(), name, e.status()));
        }
        return list;
    }

    // ---- reminders ----

    /**
     * Job: claims the reminders now due — the day-before one for sessions starting within
     * {@link TrainingSettings#dayReminder()} (but later than the hour-before one), the hour-before one for sessions
     * starting within {@link TrainingSettings#hourReminder()}. Each is returned once, ever; members who opted out
     * get none. The caller sends them in the same transaction.
     */
    public List<Reminder> claimDueReminders() {
        Instant now = now();
        List<Reminder> claimed = new ArrayList<>();
        for (Reminder r : rows.dueReminders(now, now.plus(settings.hourReminder()), ReminderKind.HOUR)) {
            if (rows.claimReminder(r.sessionId(), r.memberId(), ReminderKind.HOUR, now)) {
                rows.claimReminder(r.sessionId(), r.memberId(), ReminderKind.DAY, now); // too late for it now
                claimed.add(r);
            }
        }
        for (Reminder r : rows.dueReminders(now.plus(settings.hourReminder()), now.plus(settings.dayReminder()),
                ReminderKind.DAY)) {
            if (rows.claimReminder(r.sessionId(), r.memberId(), ReminderKind.DAY, now)) {
                claimed.add(r);
            }
        }
        return claimed;
    }

    @Transactional(readOnly = true)
    public boolean remindersOff(long memberId) {
        return rows.remindersOff(memberId);
    }

    public void setRemindersOff(long memberId, boolean off) {
        if (membership.find(memberId).isPresent()) {
            rows.setRemindersOff(memberId, off);
        }
    }

    // ---- attendance and completion ----

    @Transactional(readOnly = true)
    public Map<Long, AttendanceMark> attendance(long sessionId) {
        return rows.marks(sessionId);
    }

    /** Marks a participant of the session's course; {@code markedBy} is the marking member, if a member. */
    public Change markAttendance(long sessionId, long memberId, AttendanceMark mark, Long markedBy) {
        if (mark == null) {
            return Change.INVALID;
        }
        Optional<SessionView> s = rows.session(sessionId);
        if (s.isEmpty()) {
            return Change.NO_SUCH_SESSION;
        }
        CourseView c = rows.course(s.get().courseId()).orElseThrow();
        if (c.status() == CourseStatus.CANCELLED || c.resultsConfirmedAt() != null) {
            return Change.WRONG_STATE;
        }
        Optional<EnrolmentView> e = rows.enrolment(c.id(), memberId);
        if (e.isEmpty() || !(e.get().status() == EnrolmentStatus.ENROLLED || e.get().status() == EnrolmentStatus.COMPLETED
                || e.get().status() == EnrolmentStatus.NOT_COMPLETED)) {
            return Change.NO_SUCH_ENROLMENT;
        }
        rows.mark(sessionId, memberId, mark, markedBy, now());
        if (c.status() == CourseStatus.FINISHED) {
            setResult(c, e.get(), meetsRule(c, memberId));
        }
        return Change.DONE;
    }

    private boolean meetsRule(CourseView c, long memberId) {
        return rows.presences(c.id(), memberId) >= c.requiredAttendance();
    }

    /**
     * Job: courses whose last session ended are finished — no-shows recorded, results set by the attendance rule,
     * whoever still waited released — and the manager is asked to confirm ({@link CourseResultsPending}); results
     * left unconfirmed for {@link TrainingSettings#resultsConfirmAfter()} are confirmed.
     */
    public int endFinishedCourses() {
        Instant now = now();
        int ended = 0;
        for (long courseId : rows.runningWithAllSessionsStarted(now)) {
            rows.lockCourse(courseId);
            CourseView c = rows.course(courseId).orElseThrow();
            if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED
                    || c.lastSessionEndsAt().isAfter(now)) {
                continue;
            }
            for (EnrolmentView e : rows.inCourse(courseId, List.of(EnrolmentStatus.WAITLISTED, EnrolmentStatus.OFFERED,
                    EnrolmentStatus.PENDING_APPROVAL))) {
                rows.setEnrolment(e.id(), EnrolmentStatus.CANCELLED, null, null, now);
            }
            for (EnrolmentView e : rows.inCourse(courseId, List.of(EnrolmentStatus.ENROLLED))) {
                for (SessionView s : c.sessions()) {
                    rows.recordNoShow(s.id(), e.memberId(), now);
                }
                rows.setEnrolment(e.id(), meetsRule(c, e.memberId()) ? EnrolmentStatus.COMPLETED
                        : EnrolmentStatus.NOT_COMPLETED, null, null, now);
            }
            rows.finishCourse(courseId, now);
            events.publishEvent(new CourseResultsPending(courseId));
            log.info("course {} ended; results await confirmation", courseId);
            ended++;
        }
        for (long courseId : rows.finishedUnconfirmedBefore(now.minus(settings.resultsConfirmAfter()))) {
            confirmResults(courseId);
        }
        return ended;
    }

    /** The manager corrects one result of a finished course before confirming. */
    public Change setResult(long courseId, long memberId, boolean completed) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() != CourseStatus.FINISHED || c.resultsConfirmedAt() != null) {
            return Change.WRONG_STATE;
        }
        Optional<EnrolmentView> e = rows.enrolment(courseId, memberId)
                .filter(x -> x.status() == EnrolmentStatus.COMPLETED || x.status() == EnrolmentStatus.NOT_COMPLETED);
        if (e.isEmpty()) {
            return Change.NO_SUCH_ENROLMENT;
        }
        setResult(c, e.get(), completed);
        return Change.DONE;
    }

    private void setResult(CourseView c, EnrolmentView e, boolean completed) {
        if (c.resultsConfirmedAt() == null) {
            rows.setEnrolment(e.id(), completed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.NOT_COMPLETED, null,
                    null, now());
        }
    }

    /** Makes a finished course's results final: completions count from now on and certificates are issued. */
    public Change confirmResults(long courseId) {
        if (!rows.lockCourse(courseId)) {
            return Change.NO_SUCH_COURSE;
        }
        CourseView c = rows.course(courseId).orElseThrow();
        if (c.status() != CourseStatus.FINISHED || c.resultsConfirmedAt() != null) {
            return Change.WRONG_STATE;
        }
        Instant now = now();
        rows.confirmResults(courseId, now);
        List<Long> completed = new ArrayList<>();
        List<Long> notCompleted = new ArrayList<>();
        for (EnrolmentView e : rows.inCourse(courseId, List.of(EnrolmentStatus.COMPLETED, EnrolmentStatus.NOT_COMPLETED))) {
            if (e.status() == EnrolmentStatus.COMPLETED) {
                completed.add(e.memberId());
                issueCertificate(courseId, e.memberId(), now);
            } else {
                notCompleted.add(e.memberId());
            }
        }
        events.publishEvent(new CourseCompleted(courseId, completed, notCompleted));
        log.info("course {} results confirmed: {} completed, {} not", courseId, completed.size(), notCompleted.size());
        return Change.DONE;
    }

    private void issueCertificate(long courseId, long memberId, Instant now) {
        if (rows.certificateIdOf(memberId, courseId).isPresent()) {
            return;
        }
        Optional<String> name = membership.find(memberId).map(MemberView::fullName);
        if (name.isEmpty()) {
            return; // erased meanwhile: nobody to certify
        }
        for (int attempt = 0; attempt < CERTIFICATE_CODE_ATTEMPTS; attempt++) {
            Optional<Long> id = rows.insertCertificate(CertificateCodes.generate(), memberId, courseId, name.get(), now);
            if (id.isPresent()) {
                events.publishEvent(new CertificateIssued(id.get(), memberId, courseId));
                return;
            }
        }
        throw new IllegalStateException("no free certificate code found");
    }

    /** Whether the member completed at least one course whose results are confirmed. */
    @Transactional(readOnly = true)
    public boolean hasCompletedTraining(long memberId) {
        return rows.hasConfirmedCompletion(memberId);
    }

    // ---- certificates ----

    /** A genuine certificate by its code (typed in any case, with or without the dash); empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String code) {
        return CertificateCodes.parse(code).flatMap(rows::validCertificateByCode)
                .map(c -> new Verification(c.holderName(), c.courseTitle(), c.issuedAt()));
    }

    @Transactional(readOnly = true)
    public Optional<CertificateView> certificate(long certificateId) {
        return rows.certificate(certificateId);
    }

    @Transactional(readOnly = true)
    public List<CertificateView> certificatesOf(long memberId) {
        return rows.certificatesOf(memberId);
    }

    // ---- erasure ----

    /**
     * The member's personal data was erased: their open enrolments end (freed seats move the waitlists), their
     * preferences go, and their certificates no longer verify (the name on them is removed).
     */
    public void forgetMember(long memberId) {
        Instant now = now();
        for (EnrolmentView e : rows.activeOfMember(memberId)) {
            rows.lockCourse(e.courseId());
            rows.setEnrolment(e.id(), EnrolmentStatus.CANCELLED, null, null, now);
            fillFreeSeats(e.courseId(), rows.course(e.courseId()).orElseThrow().capacity(), now);
        }
        rows.deletePreferences(memberId);
        rows.eraseCertificateHolder(memberId, now);
    }
}

package ir.hamyar.domain.reporting;

import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.reporting.ActionResult.Done;
import ir.hamyar.domain.reporting.ActionResult.Refused;
import ir.hamyar.domain.reporting.SubmitResult.Reason;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The problem-reporting façade. Every answer is a result code or a view; bad input and unauthorised actors
 * change nothing. Methods join the caller's transaction (the bot runs one per update). Authority is checked
 * here, against the database, on every action: the bot's buttons are never trusted. Logs carry ids only.
 */
@Service
@Transactional
public class ProblemReporting {

    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 100;
    static final int MIN_DESCRIPTION = 5;
    static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_PHOTOS = 5;
    /** Audit codes of managers' decisions: {@code REPORT_} + the new status, or {@link #FORWARDED_AUDIT}. */
    public static final String AUDIT_PREFIX = "REPORT_";
    public static final String FORWARDED_AUDIT = "REPORT_FORWARDED";
    public static final String AUDIT_SUBJECT = "REPORT";
    static final int MAX_ADDRESS = 300;
    static final int MAX_NEIGHBOURHOOD = 80;
    static final int MAX_NOTE = 1000;
    static final int MIN_REASON = 3;
    static final int SIMILAR_SHOWN = 5;
    private static final int CODE_ATTEMPTS = 8;
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private static final Logger log = LoggerFactory.getLogger(ProblemReporting.class);

    private final ProblemReports reports;
    private final ReportStore store;
    private final OfficeDirectory offices;
    private final Membership membership;
    private final ReportingProperties settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    ProblemReporting(ProblemReports reports, ReportStore store, OfficeDirectory offices, Membership membership,
                     ReportingProperties settings, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                     AuditTrail audit) {
        this.audit = audit;
        this.reports = reports;
        this.store = store;
        this.offices = offices;
        this.membership = membership;
        this.settings = settings;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---- filing ----

    /** The active categories, in display order. */
    @Transactional(readOnly = true)
    public List<String> categories() {
        return store.activeCategories();
    }

    /** Adds a category (an admin's extension) or changes its order or activity. False for a malformed code. */
    public boolean defineCategory(String code, int sortOrder, boolean active) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{1,31}")) {
            return false;
        }
        store.upsertCategory(code, sortOrder, active);
        return true;
    }

    /** Every category, retired ones included, in display order (for the admins' list editor). */
    @Transactional(readOnly = true)
    public List<CategoryView> allCategories() {
        return store.allCategories();
    }

    /** Adds a category at the end of the list; false for a malformed or existing code. */
    public boolean addCategory(String code) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{1,31}")
                || store.allCategories().stream().anyMatch(c -> c.code().equals(code))) {
            return false;
        }
        store.upsertCategory(code, store.maxCategoryOrder() + 10, true);
        return true;
    }

    /**
     * Retires a category (no longer offered for new reports; reports filed under it keep it) or brings it back.
     * False for an unknown code or when it already is so.
     */
    public boolean setCategoryActive(String code, boolean active) {
        Optional<CategoryView> category = store.allCategories().stream().filter(c -> c.code().equals(code)).findFirst();
        if (category.isEmpty() || category.get().active() == active) {
            return false;
        }
        store.upsertCategory(code, category.get().sortOrder(), active);
        return true;
    }

    /** The office a report from this area would go to; empty: the admins. */
    @Transactional(readOnly = true)
    public Optional<Long> officeFor(int countyId, String neighbourhood) {
        List<Long> chain = offices.routeFor(countyId, blankToNull(neighbourhood));
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** The expected first-response time of reports handled by this office (null: the admins). */
    @Transactional(readOnly = true)
    public int responseHours(Long officeId) {
        return officeId == null ? settings.defaultResponseHours() : offices.responseHours(officeId);
    }

    /** Reports a member may still file today (Tehran calendar day). */
    @Transactional(readOnly = true)
    public int remainingToday(long memberId) {
        return (int) Math.max(0, settings.dailyLimit() - filedToday(memberId));
    }

    private long filedToday(long memberId) {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, TEHRAN).atStartOfDay(TEHRAN).toInstant();
        return reports.countByReporterIdAndCreatedAtGreaterThanEqual(memberId, dayStart);
    }

    /**
     * Open reports of the same office and category from the duplicate window (newest first, a few): the
     * reporter is asked whether the new report is one of them. {@code officeId} null means the admins' queue
     * of the whole country; prefer {@link #similarOpenFor} for a reporter's area.
     */
    @Transactional(readOnly = true)
    public List<ReportView> similarOpen(Long officeId, String category) {
        return similar(officeId, category, null);
    }

    /**
     * The similar open reports a report from this area would join: those of the office it would go to, or,
     * when no office covers the area (the admins' queue), those of the same county.
     */
    @Transactional(readOnly = true)
    public List<ReportView> similarOpenFor(int countyId, String neighbourhood, String category) {
        Long office = officeFor(countyId, neighbourhood).orElse(null);
        return similar(office, category, office == null ? countyId : null);
    }

    private List<ReportView> similar(Long officeId, String category, Integer countyId) {
        if (category == null) {
            return List.of();
        }
        Instant since = clock.instant().minus(settings.duplicateWindow());
        List<ProblemReport> found = officeId == null
                ? reports.findByOfficeIdIsNullAndCategoryAndStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
                        category, ReportStatus.OPEN, since)
                : reports.findByOfficeIdAndCategoryAndStatusInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
                        officeId, category, ReportStatus.OPEN, since);
        return found.stream().filter(r -> countyId == null || r.countyId() == countyId).limit(SIMILAR_SHOWN)
                .map(this::view).toList();
    }

    public SubmitResult submit(NewReport cmd) {
        Objects.requireNonNull(cmd, "report");
        Optional<MemberView> member = membership.find(cmd.reporterId());
        if (member.isEmpty()) {
            return new SubmitResult.Rejected(Reason.NOT_A_MEMBER);
        }
        if (member.get().status() == MemberStatus.SUSPENDED) {
            return new SubmitResult.Rejected(Reason.MEMBER_SUSPENDED);
        }
        if (!member.get().isActive()) {
            return new SubmitResult.Rejected(Reason.MEMBER_NOT_ACTIVE);
        }
        if (member.get().countyId() == null) {
            return new SubmitResult.Rejected(Reason.NO_COUNTY);
        }
        Optional<Reason> invalid = validate(cmd);
        if (invalid.isPresent()) {
            return new SubmitResult.Rejected(invalid.get());
        }
        if (filedToday(cmd.reporterId()) >= settings.dailyLimit()) {
            return new SubmitResult.Rejected(Reason.DAILY_LIMIT_REACHED);
        }
        int countyId = member.get().countyId();
        NewReport clean = new NewReport(cmd.reporterId(), cmd.category(), cmd.title().strip(),
                cmd.description().strip(), cmd.photos(), cmd.latitude(), cmd.longitude(), blankToNull(cmd.address()),
                blankToNull(cmd.neighbourhood()), cmd.showName());
        Long officeId = officeFor(countyId, clean.neighbourhood()).orElse(null);
        Instant now = clock.instant();
        OptionalLong id = OptionalLong.empty();
        for (int attempt = 0; attempt < CODE_ATTEMPTS && id.isEmpty(); attempt++) {
            id = store.insert(TrackingCodes.generate(), clean, countyId, officeId, now);
        }
        long reportId = id.orElseThrow(() -> new IllegalStateException("no free tracking code found"));
        store.insertPhotos(reportId, clean.photos());
        store.history(reportId, now, cmd.reporterId(), ReportAction.FILED, null, ReportStatus.NEW, officeId, null);
        events.publishEvent(new ProblemReported(reportId, officeId));
        log.info("report {} filed by member {} for office {}", reportId, cmd.reporterId(), officeId);
        ReportView view = find(reportId).orElseThrow();
        return new SubmitResult.Submitted(view, responseHours(officeId));
    }

    private Optional<Reason> validate(NewReport r) {
        if (r.category() == null || !store.categoryActive(r.category())) {
            return Optional.of(Reason.UNKNOWN_CATEGORY);
        }
        if (!length(r.title(), MIN_TITLE, MAX_TITLE)) {
            return Optional.of(Reason.INVALID_TITLE);
        }
        if (!length(r.description(), MIN_DESCRIPTION, MAX_DESCRIPTION)) {
            return Optional.of(Reason.INVALID_DESCRIPTION);
        }
        if (r.photos().size() > MAX_PHOTOS || r.photos().stream().anyMatch(p -> p == null || p.platform() == null
                || !length(p.fileId(), 1, 200))) {
            return Optional.of(Reason.TOO_MANY_PHOTOS);
        }
        if ((r.latitude() == null) != (r.longitude() == null) || (r.latitude() != null
                && (!(Math.abs(r.latitude()) <= 90) || !(Math.abs(r.longitude()) <= 180)))) {
            return Optional.of(Reason.INVALID_LOCATION);
        }
        if ((r.address() != null && r.address().strip().length() > MAX_ADDRESS)
                || (r.neighbourhood() != null && r.neighbourhood().strip().length() > MAX_NEIGHBOURHOOD)) {
            return Optional.of(Reason.INVALID_ADDRESS);
        }
        return Optional.empty();
    }

    private static boolean length(String s, int min, int max) {
        if (s == null) {
            return false;
        }
        int n = s.strip().codePointCount(0, s.strip().length());
        return n >= min && n <= max;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** "Me too": the member has the same problem as an open report, instead of filing a duplicate. */
    public SupportResult support(long reportId, long memberId) {
        Optional<ProblemReport> r = reports.findById(reportId);
        if (r.isEmpty()) {
            return SupportResult.NO_SUCH_REPORT;
        }
        if (membership.find(memberId).filter(MemberView::isActive).isEmpty()) {
            return SupportResult.NOT_A_MEMBER;
        }
        if (Objects.equals(r.get().reporterId(), memberId)) {
            return SupportResult.OWN_REPORT;
        }
        if (!r.get().status().isOpen()) {
            return SupportResult.NOT_OPEN;
        }
        Instant now = clock.instant();
        if (!store.insertSupport(reportId, memberId, now)) {
            return SupportResult.ALREADY_SUPPORTED;
        }
        store.history(reportId, now, memberId, ReportAction.SUPPORTED, null, null, null, null);
        return SupportResult.ADDED;
    }

    // ---- managers ----

    /** Whether the actor may act on the report now (a manager of its office or of an office it was escalated to). */
    @Transactional(readOnly = true)
    public boolean mayManage(long reportId, ReportActor actor) {
        return reports.findById(reportId).map(r -> mayManage(r, actor)).orElse(false);
    }

    private boolean mayManage(ProblemReport r, ReportActor actor) {
        if (actor == null) {
            return false;
        }
        if (actor.admin()) {
            return true;
        }
        if (actor.memberId() == null || r.officeId() == null) {
            return false;
        }
        if (offices.isManagerOf(actor.memberId(), r.officeId())) {
            return true;
        }
        List<Long> up = offices.ancestors(r.officeId());
        return up.subList(0, Math.min(r.escalationLevel(), up.size())).stream()
                .anyMatch(office -> offices.isManagerOf(actor.memberId(), office));
    }

    public ActionResult acknowledge(long reportId, ReportActor actor) {
        return move(reportId, actor, ReportStatus.ACKNOWLEDGED, ReportAction.ACKNOWLEDGED, null);
    }

    public ActionResult startProgress(long reportId, ReportActor actor) {
        return move(reportId, actor, ReportStatus.IN_PROGRESS, ReportAction.IN_PROGRESS, null);
    }

    public ActionResult resolve(long reportId, ReportActor actor) {
        return move(reportId, actor, ReportStatus.RESOLVED, ReportAction.RESOLVED, null);
    }

    /** Rejects with a reason the reporter is told. */
    public ActionResult reject(long reportId, ReportActor actor, String reason) {
        if (!length(reason, MIN_REASON, MAX_NOTE)) {
            return new Refused(ActionResult.Reason.INVALID_INPUT);
        }
        return move(reportId, actor, ReportStatus.REJECTED, ReportAction.REJECTED, reason.strip());
    }

    private ActionResult move(long reportId, ReportActor actor, ReportStatus next, ReportAction action, String note) {
        Optional<ProblemReport> found = reports.findById(reportId);
        if (found.isEmpty()) {
            return new Refused(ActionResult.Reason.NO_SUCH_REPORT);
        }
        ProblemReport r = found.get();
        if (!mayManage(r, actor)) {
            return new Refused(ActionResult.Reason.NOT_ALLOWED);
        }
        ReportStatus from = r.status();
        if (!from.managerMayMoveTo(next)) {
            return new Refused(ActionResult.Reason.WRONG_STATE);
        }
        Instant now = clock.instant();
        r.moveTo(next, now);
        store.history(reportId, now, actor.memberId(), action, from, next, r.officeId(), note);
        audit.record(actor.auditActor(), AUDIT_PREFIX + next.name(), AUDIT_SUBJECT, reportId, r.officeId(), note);
        events.publishEvent(new ReportStatusChanged(reportId, from, next, actor.memberId(), note));
        log.info("report {} {} -> {} by member {}", reportId, from, next, actor.memberId());
        return new Done(view(r));
    }

    /** Passes an open report to another active office, which becomes responsible (status NEW again). */
    public ActionResult forward(long reportId, ReportActor actor, long toOfficeId, String note) {
        Optional<ProblemReport> found = reports.findById(reportId);
        if (found.isEmpty()) {
            return new Refused(ActionResult.Reason.NO_SUCH_REPORT);
        }
        ProblemReport r = found.get();
        if (!mayManage(r, actor)) {
            return new Refused(ActionResult.Reason.NOT_ALLOWED);
        }
        if (!r.status().isOpen()) {
            return new Refused(ActionResult.Reason.WRONG_STATE);
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            return new Refused(ActionResult.Reason.INVALID_INPUT);
        }
        if (!offices.isActive(toOfficeId)) {
            return new Refused(ActionResult.Reason.NO_SUCH_OFFICE);
        }
        if (Objects.equals(r.officeId(), toOfficeId)) {
            return new Refused(ActionResult.Reason.SAME_OFFICE);
        }
        Instant now = clock.instant();
        Long from = r.officeId();
        ReportStatus fromStatus = r.status();
        String cleanNote = blankToNull(note);
        r.forwardTo(toOfficeId, now);
        audit.record(actor.auditActor(), FORWARDED_AUDIT, AUDIT_SUBJECT, reportId, from,
                cleanNote == null ? "-> " + toOfficeId : "-> " + toOfficeId + ": " + cleanNote);
        store.history(reportId, now, actor.memberId(), ReportAction.FORWARDED, fromStatus, ReportStatus.NEW,
                toOfficeId, cleanNote);
        events.publishEvent(new ReportForwarded(reportId, from, toOfficeId, actor.memberId(), cleanNote));
        log.info("report {} forwarded from office {} to {} by member {}", reportId, from, toOfficeId, actor.memberId());
        return new Done(view(r));
    }

    /** A manager's note; a public one is sent to the reporter. */
    public ActionResult addNote(long reportId, ReportActor actor, String body, boolean isPublic) {
        Optional<ProblemReport> found = reports.findById(reportId);
        if (found.isEmpty()) {
            return new Refused(ActionResult.Reason.NO_SUCH_REPORT);
        }
        if (!mayManage(found.get(), actor)) {
            return new Refused(ActionResult.Reason.NOT_ALLOWED);
        }
        if (!length(body, 1, MAX_NOTE)) {
            return new Refused(ActionResult.Reason.INVALID_INPUT);
        }
        Instant now = clock.instant();
        long noteId = store.insertNote(reportId, actor.memberId(), body.strip(), isPublic, now);
        store.history(reportId, now, actor.memberId(), ReportAction.NOTE, null, null, found.get().officeId(),
                isPublic ? "public" : "internal");
        events.publishEvent(new ReportNoteAdded(reportId, noteId, isPublic));
        return new Done(view(found.get()));
    }

    // ---- the reporter's follow-up ----

    /** The reporter confirms the resolved problem is fixed. */
    public ActionResult confirmFixed(long reportId, long memberId) {
        Optional<ProblemReport> r = reporterOwned(reportId, memberId);
        if (r.isEmpty()) {
            return new Refused(reports.findById(reportId).isEmpty() ? ActionResult.Reason.NO_SUCH_REPORT
                    : ActionResult.Reason.NOT_ALLOWED);
        }
        if (r.get().status() != ReportStatus.RESOLVED || !r.get().followUpSent()) {
            return new Refused(ActionResult.Reason.WRONG_STATE);
        }
        store.history(reportId, clock.instant(), memberId, ReportAction.CONFIRMED, ReportStatus.RESOLVED,
                ReportStatus.RESOLVED, r.get().officeId(), null);
        return new Done(view(r.get()));
    }

    /** The reporter answers the follow-up "not fixed": the report is open again and its office alerted. */
    public ActionResult reopen(long reportId, long memberId) {
        Optional<ProblemReport> found = reporterOwned(reportId, memberId);
        if (found.isEmpty()) {
            return new Refused(reports.findById(reportId).isEmpty() ? ActionResult.Reason.NO_SUCH_REPORT
                    : ActionResult.Reason.NOT_ALLOWED);
        }
        ProblemReport r = found.get();
        if (r.status() != ReportStatus.RESOLVED || !r.followUpSent()) {
            return new Refused(ActionResult.Reason.WRONG_STATE);
        }
        Instant now = clock.instant();
        r.reopen(now);
        store.history(reportId, now, memberId, ReportAction.REOPENED, ReportStatus.RESOLVED, ReportStatus.REOPENED,
                r.officeId(), null);
        events.publishEvent(new ReportStatusChanged(reportId, ReportStatus.RESOLVED, ReportStatus.REOPENED, memberId,
                null));
        events.publishEvent(new ReportReopened(reportId, r.officeId()));
        log.info("report {} reopened by its reporter", reportId);
        return new Done(view(r));
    }

    private Optional<ProblemReport> reporterOwned(long reportId, long memberId) {
        return reports.findById(reportId).filter(r -> Objects.equals(r.reporterId(), memberId));
    }

    // ---- jobs ----

    /**
     * Raises every report its holder did not acknowledge in time one level up the hierarchy (past the province:
     * to the admins, once). Each escalation is a history row and a {@link ReportEscalated} event. Returns how
     * many reports were escalated.
     */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (ProblemReport r : reports.awaitingResponseSince(List.of(ReportStatus.NEW, ReportStatus.REOPENED),
                now.minus(Duration.ofHours(1)))) {
            List<Long> up = offices.ancestors(r.officeId());
            int level = r.escalationLevel();
            if (level > up.size()) {
                continue; // already with the admins
            }
            long holder = level == 0 ? r.officeId() : up.get(level - 1);
            Instant since = r.lastEscalatedAt() != null ? r.lastEscalatedAt() : r.awaitingSince();
            if (now.isBefore(since.plus(Duration.ofHours(offices.responseHours(holder))))) {
                continue;
            }
            Long target = level < up.size() ? up.get(level) : null;
            r.escalated(now);
            store.history(r.id(), now, null, ReportAction.ESCALATED, r.status(), r.status(), target, null);
            events.publishEvent(new ReportEscalated(r.id(), target, r.escalationLevel()));
            log.info("report {} escalated to level {} (office {})", r.id(), r.escalationLevel(), target);
            escalated++;
        }
        return escalated;
    }

    /** Asks the reporters of reports resolved a follow-up period ago whether they are really fixed. */
    public int askFollowUps() {
        Instant now = clock.instant();
        int asked = 0;
        for (ProblemReport r : reports.dueForFollowUp(now.minus(settings.followUpAfter()))) {
            r.followUpAsked();
            store.history(r.id(), now, null, ReportAction.FOLLOW_UP_ASKED, r.status(), r.status(), r.officeId(), null);
            events.publishEvent(new ReportFollowUpDue(r.id(), r.reporterId()));
            asked++;
        }
        return asked;
    }

    // ---- lookups ----

    @Transactional(readOnly = true)
    public Optional<ReportView> find(long reportId) {
        return reports.findById(reportId).map(this::view);
    }

    /** The report with this tracking code (typed input is forgiving about case, spaces and the dash). */
    @Transactional(readOnly = true)
    public Optional<ReportView> byTrackingCode(String typed) {
        return TrackingCodes.parse(typed).flatMap(reports::findByTrackingCode).map(this::view);
    }

    /** The member's reports, newest first. */
    @Transactional(readOnly = true)
    public List<ReportView> ofReporter(long memberId) {
        return reports.findByReporterIdOrderByCreatedAtDesc(memberId).stream().map(this::view).toList();
    }

    /** An office's open reports (null: the admins'), oldest first. */
    @Transactional(readOnly = true)
    public List<ReportView> openOfOffice(Long officeId, ReportFilter filter) {
        ReportFilter f = filter == null ? ReportFilter.NONE : filter;
        List<ReportStatus> statuses = f.status() == null ? List.copyOf(ReportStatus.OPEN)
                : ReportStatus.OPEN.contains(f.status()) ? List.of(f.status()) : List.of();
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<ProblemReport> found = officeId == null
                ? reports.findByOfficeIdIsNullAndStatusInOrderByCreatedAtAscIdAsc(statuses)
                : reports.findByOfficeIdAndStatusInOrderByCreatedAtAscIdAsc(officeId, statuses);
        return found.stream().filter(r -> f.category() == null || f.category().equals(r.category()))
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long reportId) {
        return store.history(reportId);
    }

    @Transactional(readOnly = true)
    public List<NoteView> notes(long reportId) {
        return store.notes(reportId);
    }

    @Transactional(readOnly = true)
    public Optional<NoteView> note(long reportId, long noteId) {
        return store.notes(reportId).stream().filter(n -> n.id() == noteId).findFirst();
    }

    // ---- alert cards ----

    /** Remembers a card the bot posted about the report, so later changes edit it in place. */
    public void rememberCard(long reportId, Platform platform, long chatId, long messageId) {
        if (platform != null && reports.findById(reportId).isPresent()) {
            store.insertCard(reportId, platform, chatId, messageId);
        }
    }

    @Transactional(readOnly = true)
    public List<AlertCard> cards(long reportId) {
        return store.cards(reportId);
    }

    /**
     * The report's cards, forgotten: after a forward or a reopening the old cards are edited one last time
     * (without buttons) and a new card takes over.
     */
    public List<AlertCard> retireCards(long reportId) {
        List<AlertCard> cards = store.cards(reportId);
        store.deleteCards(reportId);
        return cards;
    }

    // ---- erasure ----

    /**
     * The erased member's reports keep their content (they are about places) but no longer name the reporter;
     * each gets a history row. Called when {@code MemberErased} is delivered.
     */
    public int anonymiseReporter(long memberId) {
        Instant now = clock.instant();
        List<Long> ids = store.anonymise(memberId);
        for (long reportId : ids) {
            store.history(reportId, now, null, ReportAction.ANONYMISED, null, null, null, null);
        }
        return ids.size();
    }

    private ReportView view(ProblemReport r) {
        return r.toView(store.photos(r.id()), store.supporters(r.id()));
    }
}

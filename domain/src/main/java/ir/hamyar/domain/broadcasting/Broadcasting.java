package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.WorkingGroupView;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.training.Training;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The broadcasting façade: compose, schedule, start, follow and cancel announcements to an audience of
 * members. It never sends: starting a broadcast returns, and the bot turns {@link #recipients} into outbox
 * rows in the same transaction. Answers are result codes; bad input changes nothing. Methods join the
 * caller's transaction.
 */
@Service
@Transactional
public class Broadcasting {

    /** Deliveries of broadcast 7 carry the outbox reference {@code broadcast:7}. */
    public static final String REFERENCE_PREFIX = "broadcast:";

    public static final int MAX_TEXT = 4096;
    public static final int MAX_CAPTION = 1024;
    public static final int MAX_LINK_LABEL = 64;
    public static final int MAX_LINK_URL = 512;

    private static final Logger log = LoggerFactory.getLogger(Broadcasting.class);

    private static final String COLUMNS = "id, author_platform, author_user_id, audience_kind, audience_param, body, "
            + "photo_file_id, photo_platform, link_label, link_url, status, scheduled_at, created_at, started_at, "
            + "finished_at, total_count, queued_count, sent_count, failed_count, unreachable_count, skipped_count, "
            + "cancelled_count, progress_platform, progress_chat_id, progress_message_id, progress_edited_at";

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final Membership membership;
    private final DeliveryPreferences preferences;
    private final Offices offices;
    private final Training training;
    private final Clock clock;

    Broadcasting(JdbcTemplate jdbc, Regions regions, Membership membership, DeliveryPreferences preferences,
                 Offices offices, Training training, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.membership = membership;
        this.preferences = preferences;
        this.offices = offices;
        this.training = training;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---- audiences ----

    /**
     * Whether the audience names things that exist (a known province, county, working group or course) and can
     * be addressed: an office must be an active province or county office (see {@link Audience.OfficeMembers}).
     */
    @Transactional(readOnly = true)
    public boolean isValid(Audience audience) {
        if (audience == null) {
            return false;
        }
        if (audience instanceof Audience.OfficeMembers o) {
            return offices.find(o.officeId())
                    .filter(office -> office.isActive() && office.level() != OfficeLevel.LOCAL).isPresent();
        }
        if (audience instanceof Audience.Managers g) {
            return g.provinceIdOrNull() == null || regions.province(g.provinceIdOrNull()).isPresent();
        }
        if (audience instanceof Audience.CourseEnrolees c) {
            return training.course(c.courseId()).isPresent();
        }
        if (audience instanceof Audience.InProvince p) {
            return regions.province(p.provinceId()).isPresent();
        }
        if (audience instanceof Audience.InCounty c) {
            return regions.county(c.countyId()).isPresent();
        }
        if (audience instanceof Audience.WithInterest i) {
            return membership.workingGroups().stream().map(WorkingGroupView::code)
                    .anyMatch(code -> code.equals(i.workingGroupCode()));
        }
        return audience instanceof Audience.AllMembers;
    }

    /** Active members in the audience, whatever their preferences and reachability. */
    @Transactional(readOnly = true)
    public long audienceSize(Audience audience) {
        RecipientSql.Filter f = RecipientSql.audience(audience, RecipientSql.today(clock.instant()));
        Long n = jdbc.queryForObject("SELECT count(*) FROM member m WHERE m.status = 'ACTIVE' AND (" + f.sql() + ")",
                Long.class, f.args().toArray());
        return n == null ? 0 : n;
    }

    /** Members a message of this kind to the audience would reach now (opt-outs and unreachable chats left out). */
    @Transactional(readOnly = true)
    public long countRecipients(Audience audience, DeliveryKind kind) {
        RecipientQuery q = recipients(audience, kind, clock.instant());
        Long n = jdbc.queryForObject("SELECT count(*) FROM (" + q.sql() + ") r", Long.class, q.args().toArray());
        return n == null ? 0 : n;
    }

    /** The recipients of a message of this kind to the audience, as a sub-query (see {@link RecipientQuery}). */
    @Transactional(readOnly = true)
    public RecipientQuery recipients(Audience audience, DeliveryKind kind, Instant now) {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(kind, "kind");
        return RecipientSql.recipients(audience, kind, now, preferences.quietHours());
    }

    // ---- lifecycle ----

    /** Stores a DRAFT after checking its content; nothing is sent. */
    public CreateResult create(NewBroadcast b) {
        Objects.requireNonNull(b, "broadcast");
        if (b.authorPlatform() == null || !isValid(b.audience())) {
            return new CreateResult.Rejected(CreateResult.Reason.UNKNOWN_AUDIENCE);
        }
        String body = b.body() == null ? "" : b.body().strip();
        boolean photo = b.photoFileId() != null && !b.photoFileId().isBlank();
        if (body.isEmpty()) {
            return new CreateResult.Rejected(CreateResult.Reason.EMPTY_TEXT);
        }
        if (body.length() > MAX_TEXT) {
            return new CreateResult.Rejected(CreateResult.Reason.TEXT_TOO_LONG);
        }
        if (photo && body.length() > MAX_CAPTION) {
            return new CreateResult.Rejected(CreateResult.Reason.CAPTION_TOO_LONG);
        }
        if ((b.linkLabel() == null) != (b.linkUrl() == null)
                || (b.linkLabel() != null && !(validLabel(b.linkLabel()) && validUrl(b.linkUrl())))) {
            return new CreateResult.Rejected(CreateResult.Reason.INVALID_LINK);
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO broadcast (author_platform, author_user_id, "
                    + "audience_kind, audience_param, body, photo_file_id, photo_platform, link_label, link_url, "
                    + "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)", new String[] {"id"});
            ps.setString(1, b.authorPlatform().name());
            ps.setLong(2, b.authorUserId());
            ps.setString(3, b.audience().kind());
            ps.setString(4, b.audience().parameter());
            ps.setString(5, body);
            ps.setString(6, photo ? b.photoFileId() : null);
            ps.setString(7, photo ? b.authorPlatform().name() : null);
            ps.setString(8, b.linkLabel() == null ? null : b.linkLabel().strip());
            ps.setString(9, b.linkUrl() == null ? null : b.linkUrl().strip());
            ps.setObject(10, RecipientSql.utc(now));
            return ps;
        }, keys);
        long id = Objects.requireNonNull(keys.getKey(), "no id for the new broadcast").longValue();
        log.info("broadcast {} drafted on {}", id, b.authorPlatform());
        return new CreateResult.Created(id);
    }

    /** A DRAFT (or a due SCHEDULED broadcast) starts sending now; the caller expands it in this transaction. */
    public TransitionResult start(long id) {
        int n = jdbc.update("UPDATE broadcast SET status = 'SENDING', started_at = ?, version = version + 1 "
                + "WHERE id = ? AND status IN ('DRAFT', 'SCHEDULED')", RecipientSql.utc(clock.instant()), id);
        return n == 1 ? TransitionResult.CHANGED : missingOrWrongStatus(id);
    }

    /** A DRAFT waits until {@code at} (which must be in the future). */
    public TransitionResult schedule(long id, Instant at) {
        if (at == null || !at.isAfter(clock.instant())) {
            return find(id).isPresent() ? TransitionResult.INVALID_TIME : TransitionResult.NO_SUCH_BROADCAST;
        }
        int n = jdbc.update("UPDATE broadcast SET status = 'SCHEDULED', scheduled_at = ?, version = version + 1 "
                + "WHERE id = ? AND status = 'DRAFT'", RecipientSql.utc(at), id);
        return n == 1 ? TransitionResult.CHANGED : missingOrWrongStatus(id);
    }

    /**
     * Stops a SCHEDULED or SENDING broadcast. The caller withdraws its unsent deliveries in the same
     * transaction; deliveries already handed to a messenger cannot be called back.
     */
    public TransitionResult cancel(long id) {
        int n = jdbc.update("UPDATE broadcast SET status = 'CANCELLED', finished_at = ?, version = version + 1 "
                + "WHERE id = ? AND status IN ('SCHEDULED', 'SENDING')", RecipientSql.utc(clock.instant()), id);
        if (n == 1) {
            log.info("broadcast {} cancelled", id);
        }
        return n == 1 ? TransitionResult.CHANGED : missingOrWrongStatus(id);
    }

    /** SENDING → DONE once nothing is left to send. */
    public TransitionResult finish(long id) {
        int n = jdbc.update("UPDATE broadcast SET status = 'DONE', finished_at = ?, version = version + 1 "
                + "WHERE id = ? AND status = 'SENDING'", RecipientSql.utc(clock.instant()), id);
        if (n == 1) {
            log.info("broadcast {} done", id);
        }
        return n == 1 ? TransitionResult.CHANGED : missingOrWrongStatus(id);
    }

    /** After expansion: how many members the audience had and how many got a delivery. */
    public void recordQueued(long id, int total, int queued) {
        jdbc.update("UPDATE broadcast SET total_count = ?, queued_count = ?, skipped_count = ? WHERE id = ?",
                total, queued, Math.max(0, total - queued), id);
    }

    /** The delivery outcomes counted so far (final counts: they only grow). */
    public void recordProgress(long id, int sent, int failed, int unreachable, int cancelled) {
        jdbc.update("UPDATE broadcast SET sent_count = ?, failed_count = ?, unreachable_count = ?, cancelled_count = ? "
                + "WHERE id = ?", sent, failed, unreachable, cancelled, id);
    }

    /** Where the author's progress message is, once the messenger told its id. */
    public void attachProgressMessage(long id, Platform platform, long chatId, long messageId) {
        jdbc.update("UPDATE broadcast SET progress_platform = ?, progress_chat_id = ?, progress_message_id = ? "
                + "WHERE id = ?", platform.name(), chatId, messageId, id);
    }

    public void progressEdited(long id, Instant at) {
        jdbc.update("UPDATE broadcast SET progress_edited_at = ? WHERE id = ?", RecipientSql.utc(at), id);
    }

    // ---- look-ups ----

    @Transactional(readOnly = true)
    public Optional<BroadcastView> find(long id) {
        List<BroadcastView> rows = jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE id = ?", VIEW, id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Locks up to {@code limit} SCHEDULED broadcasts due at {@code now} for this transaction; another instance
     * running the same job skips them ({@code SKIP LOCKED}).
     */
    public List<BroadcastView> lockDue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE status = 'SCHEDULED' AND scheduled_at <= ? "
                + "ORDER BY scheduled_at, id LIMIT ? FOR UPDATE SKIP LOCKED", VIEW, RecipientSql.utc(now), limit);
    }

    /** Locks up to {@code limit} SENDING broadcasts for this transaction, skipping those another instance holds. */
    public List<BroadcastView> lockSending(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE status = 'SENDING' "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", VIEW, limit);
    }

    /** Locks one broadcast for this transaction (waiting for another holder), e.g. before cancelling it. */
    public Optional<BroadcastView> lock(long id) {
        List<BroadcastView> rows = jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE id = ? FOR UPDATE", VIEW, id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    // ---- helpers ----

    private TransitionResult missingOrWrongStatus(long id) {
        return find(id).isPresent() ? TransitionResult.WRONG_STATUS : TransitionResult.NO_SUCH_BROADCAST;
    }

    static boolean validLabel(String label) {
        String l = label.strip();
        return !l.isEmpty() && l.length() <= MAX_LINK_LABEL;
    }

    /** An absolute http(s) address with a host: what a messenger accepts for a URL button. */
    public static boolean validUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip();
        if (u.isEmpty() || u.length() > MAX_LINK_URL) {
            return false;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static final RowMapper<BroadcastView> VIEW = Broadcasting::view;

    private static BroadcastView view(ResultSet rs, int row) throws SQLException {
        Audience audience = Audience.of(rs.getString("audience_kind"), rs.getString("audience_param"))
                .orElseThrow(() -> new IllegalStateException("unknown stored audience"));
        return new BroadcastView(rs.getLong("id"), Platform.valueOf(rs.getString("author_platform")),
                rs.getLong("author_user_id"), audience, rs.getString("body"), rs.getString("photo_file_id"),
                platform(rs.getString("photo_platform")), rs.getString("link_label"), rs.getString("link_url"),
                BroadcastStatus.valueOf(rs.getString("status")), instant(rs, "scheduled_at"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                new BroadcastCounts(rs.getInt("total_count"), rs.getInt("queued_count"), rs.getInt("sent_count"),
                        rs.getInt("failed_count"), rs.getInt("unreachable_count"), rs.getInt("skipped_count"),
                        rs.getInt("cancelled_count")),
                platform(rs.getString("progress_platform")), longOrNull(rs, "progress_chat_id"),
                longOrNull(rs, "progress_message_id"), instant(rs, "progress_edited_at"));
    }

    private static Platform platform(String name) {
        return name == null ? null : Platform.valueOf(name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

package ir.hamyar.domain.broadcasting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a member agreed to receive, and when. Every feature that messages members for something other than
 * an answer to their own action asks here first:
 * <pre>
 *   if (preferences.allows(memberId, DeliveryKind.REMINDER)) {
 *       Instant at = preferences.nextAllowedInstant(memberId, DeliveryKind.REMINDER, clock.instant());
 *       // enqueue with not_before = at (a later instant means "hold until quiet hours end")
 *   }
 * </pre>
 * Decrees and report statuses are always allowed and never delayed; announcements, course news and reminders
 * respect the member's opt-outs and, when the member keeps quiet hours on (the default), wait until the
 * network's quiet hours end. Set-based senders (broadcasts) apply the same rules in SQL through
 * {@link Broadcasting#recipients}.
 */
@Service
@Transactional
public class DeliveryPreferences {

    private final JdbcTemplate jdbc;
    private final QuietHours quietHours;

    DeliveryPreferences(JdbcTemplate jdbc, BroadcastingSettings settings) {
        this.jdbc = jdbc;
        this.quietHours = settings.quietHours();
    }

    /** The network's quiet hours (configured, default 22:00–08:00 Tehran). */
    public QuietHours quietHours() {
        return quietHours;
    }

    @Transactional(readOnly = true)
    public PreferenceView of(long memberId) {
        List<PreferenceView> rows = jdbc.query("SELECT announcements, course_news, reminders, quiet_hours "
                        + "FROM member_preference WHERE member_id = ?",
                (rs, i) -> new PreferenceView(memberId, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)), memberId);
        return rows.isEmpty() ? PreferenceView.defaults(memberId) : rows.get(0);
    }

    /** Whether a message of this kind may be sent to the member at all. */
    @Transactional(readOnly = true)
    public boolean allows(long memberId, DeliveryKind kind) {
        Objects.requireNonNull(kind, "kind");
        return !kind.optional() || of(memberId).allows(kind);
    }

    /**
     * The earliest instant a message of this kind may reach the member: {@code now} for urgent kinds and for
     * members with quiet hours off, else the end of the quiet hours when {@code now} falls inside them.
     * Does not say whether the kind is allowed at all: ask {@link #allows} first.
     */
    @Transactional(readOnly = true)
    public Instant nextAllowedInstant(long memberId, DeliveryKind kind, Instant now) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
        if (!kind.optional() || !quietHours.contains(now) || !of(memberId).quietHours()) {
            return now;
        }
        return quietHours.nextAllowed(now);
    }

    /**
     * Flips one switch; returns the preferences after the change, or empty for an unknown member (nothing
     * changed then).
     */
    public java.util.Optional<PreferenceView> toggle(long memberId, PreferenceSetting setting) {
        Objects.requireNonNull(setting, "setting");
        Integer members = jdbc.queryForObject("SELECT count(*) FROM member WHERE id = ? AND status <> 'ERASED'",
                Integer.class, memberId);
        if (members == null || members == 0) {
            return java.util.Optional.empty();
        }
        // H2 knows no ON CONFLICT DO UPDATE: make sure the row exists, then flip the column.
        jdbc.update("INSERT INTO member_preference (member_id, announcements, course_news, reminders, quiet_hours) "
                + "VALUES (?, TRUE, TRUE, TRUE, TRUE) ON CONFLICT DO NOTHING", memberId);
        String column = switch (setting) {
            case ANNOUNCEMENTS -> "announcements";
            case COURSE_NEWS -> "course_news";
            case REMINDERS -> "reminders";
            case QUIET_HOURS -> "quiet_hours";
        };
        jdbc.update("UPDATE member_preference SET " + column + " = NOT " + column + " WHERE member_id = ?", memberId);
        return java.util.Optional.of(of(memberId));
    }

    /** Forgets the member's preferences (erasure). */
    public void forget(long memberId) {
        jdbc.update("DELETE FROM member_preference WHERE member_id = ?", memberId);
    }
}

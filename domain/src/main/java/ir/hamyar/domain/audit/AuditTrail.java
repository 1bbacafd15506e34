package ir.hamyar.domain.audit;

import ir.hamyar.domain.shared.Platform;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Appends decisions and lists them. An entry is written in the transaction of the decision it records, so a
 * decision that rolls back leaves no entry and a committed one always has its entry.
 */
@Service
@Transactional
public class AuditTrail {

    static final int MAX_REASON = 1000;
    static final int MAX_CODE = 48;

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> {
        long member = rs.getLong("actor_member_id");
        Long memberId = rs.wasNull() ? null : member;
        long user = rs.getLong("actor_user_id");
        Long userId = rs.wasNull() ? null : user;
        String platform = rs.getString("actor_platform");
        long subject = rs.getLong("subject_id");
        Long subjectId = rs.wasNull() ? null : subject;
        long office = rs.getLong("office_id");
        Long officeId = rs.wasNull() ? null : office;
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                new Actor(memberId, platform == null ? null : Platform.valueOf(platform), userId),
                rs.getString("action"), rs.getString("subject_type"), subjectId, officeId, rs.getString("reason"));
    };

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void record(AuditRecord entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.action(), "action");
        Objects.requireNonNull(entry.subjectType(), "subjectType");
        Actor actor = entry.actor() == null ? Actor.system() : entry.actor();
        String reason = entry.reason() == null || entry.reason().length() <= MAX_REASON ? entry.reason()
                : entry.reason().substring(0, MAX_REASON);
        jdbc.sql("INSERT INTO audit_entry (at, actor_member_id, actor_platform, actor_user_id, action, subject_type, "
                        + "subject_id, office_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), actor.memberId(),
                        actor.platform() == null ? null : actor.platform().name(), actor.userId(),
                        code(entry.action()), code(entry.subjectType()), entry.subjectId(), entry.officeId(), reason)
                .update();
    }

    /** Shorthand for {@link #record(AuditRecord)}. */
    public void record(Actor actor, String action, String subjectType, Long subjectId, Long officeId, String reason) {
        record(new AuditRecord(actor, action, subjectType, subjectId, officeId, reason));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> list(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.all() : filter;
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "subject_type = ?", f.subjectType());
        condition(sql, args, "subject_id = ?", f.subjectId());
        condition(sql, args, "office_id = ?", f.officeId());
        condition(sql, args, "actor_member_id = ?", f.actorMemberId());
        condition(sql, args, "action = ?", f.action());
        condition(sql, args, "at >= ?", utc(f.from()));
        condition(sql, args, "at < ?", utc(f.to()));
        if (f.officeIds() != null) {
            if (f.officeIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND office_id IN (").append(String.join(", ", Collections.nCopies(f.officeIds().size(), "?")))
                    .append(")");
            args.addAll(f.officeIds());
        }
        int limit = f.limit() == null ? 50 : Math.max(1, Math.min(500, f.limit()));
        int offset = f.offset() == null ? 0 : Math.max(0, f.offset());
        sql.append(" ORDER BY id DESC LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return jdbc.sql(sql.toString()).params(args).query(ENTRY).list();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String code(String code) {
        return code.length() <= MAX_CODE ? code : code.substring(0, MAX_CODE);
    }
}

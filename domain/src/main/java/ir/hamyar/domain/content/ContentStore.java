package ir.hamyar.domain.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.content.EditResult.Reason;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Versioned, append-only texts keyed by a {@link ContentCodes code}. Reading the version in force is answered from
 * a small Caffeine cache (it runs for every update: the terms check, labels on buttons); an edit clears it on the
 * editing instance after commit, other instances see the edit within {@link ContentSettings#cacheTtl()}. The
 * cache's clock is the application's, so tests move time instead of sleeping.
 */
@Service
@Transactional
public class ContentStore {

    /** Audit code of every edit; the subject type is the content code, the reason the version published. */
    public static final String EDITED = "CONTENT_EDITED";

    private static final Logger log = LoggerFactory.getLogger(ContentStore.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Cache<String, Optional<ContentVersion>> current;

    ContentStore(JdbcClient jdbc, AuditTrail audit, ObjectProvider<Clock> clock, ContentSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis()))
                .maximumSize(2_000)
                .build();
    }

    /** The version in force; empty when nobody has edited the code (the shipped text applies) or it is unknown. */
    @Transactional(readOnly = true)
    public Optional<ContentVersion> current(String code) {
        if (!ContentCodes.isKnown(code)) {
            return Optional.empty();
        }
        return current.get(code, this::load);
    }

    /** The number of the version in force, 0 when never edited. */
    @Transactional(readOnly = true)
    public int version(String code) {
        return current(code).map(ContentVersion::version).orElse(0);
    }

    /** The newest versions first, at most {@code limit}; read from the database. */
    @Transactional(readOnly = true)
    public List<ContentVersion> history(String code, int limit) {
        if (!ContentCodes.isKnown(code)) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("SELECT * FROM content_version WHERE code = ? ORDER BY version DESC, lang DESC")
                .params(code).query(ContentStore::row).list();
        List<ContentVersion> versions = new ArrayList<>();
        for (int i = 0; i < rows.size() && versions.size() < Math.max(1, limit); ) {
            int v = rows.get(i).version;
            List<Row> same = new ArrayList<>();
            while (i < rows.size() && rows.get(i).version == v) {
                same.add(rows.get(i++));
            }
            versions.add(version(code, same));
        }
        return versions;
    }

    /**
     * Publishes a new version: the Persian text (required) and the English one (optional: without it English readers
     * see the Persian text). Texts are trimmed; nothing changes unless the result is {@link EditResult.Done}.
     */
    public EditResult publish(Actor by, String code, String fa, String en) {
        String persian = clean(fa);
        String english = clean(en);
        Optional<Reason> problem = check(code, persian, english);
        if (problem.isPresent()) {
            return EditResult.refused(problem.get());
        }
        Optional<ContentVersion> now = load(code);
        if (now.isPresent() && now.get().fa().equals(persian) && Objects.equals(now.get().en(), english)) {
            return EditResult.refused(Reason.UNCHANGED);
        }
        int version = now.map(ContentVersion::version).orElse(0) + 1;
        Actor editor = by == null ? Actor.system() : by;
        Instant at = clock.instant();
        if (insert(code, version, "fa", persian, editor, at) == 0) {
            return EditResult.refused(Reason.CONCURRENT_EDIT);
        }
        if (english != null) {
            insert(code, version, "en", english, editor, at);
        }
        audit.record(editor, EDITED, code, null, null, String.valueOf(version));
        forget(code);
        log.info("content {} is now at version {}", code, version);
        return new EditResult.Done(code, version);
    }

    /** Why these texts could not be published under the code, if they could not. */
    Optional<Reason> check(String code, String fa, String en) {
        if (!ContentCodes.isKnown(code)) {
            return Optional.of(Reason.UNKNOWN);
        }
        String persian = clean(fa);
        String english = clean(en);
        if (persian == null) {
            return Optional.of(Reason.EMPTY);
        }
        int max = ContentCodes.maxLength(code);
        if (length(persian) > max || (english != null && length(english) > max)) {
            return Optional.of(Reason.TOO_LONG);
        }
        if (ContentCodes.isLabel(code) && (persian.contains("\n") || (english != null && english.contains("\n")))) {
            return Optional.of(Reason.MULTI_LINE);
        }
        return Optional.empty();
    }

    private int insert(String code, int version, String lang, String body, Actor editor, Instant at) {
        return jdbc.sql("INSERT INTO content_version (code, version, lang, body, edited_at, editor_member_id, "
                        + "editor_platform, editor_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(code, version, lang, body, at.atOffset(ZoneOffset.UTC), editor.memberId(),
                        editor.platform() == null ? null : editor.platform().name(), editor.userId())
                .update();
    }

    /** Clears the cached version now and again after commit, so no reader caches the old one in between. */
    private void forget(String code) {
        current.invalidate(code);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    current.invalidate(code);
                }
            });
        }
    }

    private Optional<ContentVersion> load(String code) {
        List<Row> rows = jdbc.sql("SELECT * FROM content_version WHERE code = ? AND version = "
                        + "(SELECT MAX(version) FROM content_version WHERE code = ?)")
                .params(code, code).query(ContentStore::row).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(version(code, rows));
    }

    private static ContentVersion version(String code, List<Row> rows) {
        Row fa = rows.stream().filter(r -> "fa".equals(r.lang)).findFirst().orElse(rows.get(0));
        String en = rows.stream().filter(r -> "en".equals(r.lang)).map(r -> r.body).findFirst().orElse(null);
        return new ContentVersion(code, fa.version, fa.body, en, fa.editor, fa.at);
    }

    private record Row(int version, String lang, String body, Actor editor, Instant at) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long member = rs.getLong("editor_member_id");
        Long memberId = rs.wasNull() ? null : member;
        long user = rs.getLong("editor_user_id");
        Long userId = rs.wasNull() ? null : user;
        String platform = rs.getString("editor_platform");
        return new Row(rs.getInt("version"), rs.getString("lang"), rs.getString("body"),
                new Actor(memberId, platform == null ? null : Platform.valueOf(platform), userId),
                rs.getObject("edited_at", OffsetDateTime.class).toInstant());
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return s.isEmpty() ? null : s;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}

package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The inserts that race: a member (unique national code, unique referral code) and an account (unique
 * platform user, one account per platform per member).
 *
 * <p>They use {@code ON CONFLICT DO NOTHING} rather than catching a constraint violation: a failed statement
 * would doom the surrounding transaction — and callers (the bot handles each update in one transaction) call
 * the façade inside theirs. On PostgreSQL a conflicting insert waits for the other transaction and then
 * inserts nothing, so "zero rows" means "someone else holds that key", and the transaction lives on.
 */
@Component
class MemberInserts {

    private static final String INSERT_MEMBER = """
            INSERT INTO member (status, full_name, phone_e164, phone_verified, national_code, birth_year,
                                education, expertise, province_id, county_id, terms_version, terms_accepted_at,
                                locale, referral_code, referred_by, created_at, version)
            VALUES ('ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT DO NOTHING""";

    private static final String INSERT_ACCOUNT = """
            INSERT INTO member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    MemberInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record NewMember(String fullName, String phoneE164, boolean phoneVerified, String nationalCode, int birthYear,
                     Education education, String expertise, int provinceId, int countyId, String termsVersion,
                     Instant termsAcceptedAt, String locale, String referralCode, Long referredBy,
                     Instant createdAt) {
    }

    /** The new member's id, or empty when a unique key (national code or referral code) is taken. */
    OptionalLong insertMember(NewMember m) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(INSERT_MEMBER, new String[] {"id"});
            ps.setString(1, m.fullName());
            ps.setString(2, m.phoneE164());
            ps.setBoolean(3, m.phoneVerified());
            ps.setString(4, m.nationalCode());
            ps.setShort(5, (short) m.birthYear());
            ps.setString(6, m.education().name());
            ps.setString(7, m.expertise());
            ps.setShort(8, (short) m.provinceId());
            ps.setInt(9, m.countyId());
            ps.setString(10, m.termsVersion());
            ps.setObject(11, utc(m.termsAcceptedAt()));
            ps.setString(12, m.locale());
            ps.setString(13, m.referralCode());
            if (m.referredBy() == null) {
                ps.setNull(14, Types.BIGINT);
            } else {
                ps.setLong(14, m.referredBy());
            }
            ps.setObject(15, utc(m.createdAt()));
            return ps;
        }, keys);
        if (rows == 0) {
            return OptionalLong.empty();
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new member");
        }
        return OptionalLong.of(id.longValue());
    }

    /** False when this platform user, or this member on this platform, already has an account. */
    boolean insertAccount(long memberId, Platform platform, long userId, long chatId, Instant at) {
        return jdbc.update(INSERT_ACCOUNT, platform.name(), userId, chatId, memberId, utc(at), utc(at)) == 1;
    }

    void insertInterests(long memberId, Collection<WorkingGroup> groups) {
        List<Object[]> rows = groups.stream().map(g -> new Object[] {memberId, g.id()}).toList();
        jdbc.batchUpdate("INSERT INTO member_interest (member_id, working_group_id) VALUES (?, ?)", rows);
    }

    boolean nationalCodeTaken(String nationalCode) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM member WHERE national_code = ?", Integer.class,
                nationalCode);
        return n != null && n > 0;
    }

    /** Undoes an insert of this transaction whose account could not be bound. */
    void deleteUnboundMember(long memberId) {
        jdbc.update("DELETE FROM member WHERE id = ?", memberId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

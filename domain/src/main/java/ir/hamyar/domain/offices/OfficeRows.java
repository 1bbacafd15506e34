package ir.hamyar.domain.offices;

import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The office table through plain SQL: creation must be race-safe (one active office per region, enforced by
 * the unique {@code active_slot} and {@code ON CONFLICT DO NOTHING}, which leaves the caller's transaction
 * usable), and every read goes to the database so a status or group change is seen at once.
 */
@Component
class OfficeRows {

    private static final String COLUMNS = "id, level, parent_id, province_id, county_id, neighbourhood, name, "
            + "address, description, status, donation_url, group_platform, group_chat_id, response_hours, "
            + "founding_permit_no";

    private static final RowMapper<OfficeView> VIEW = (rs, n) -> {
        String groupPlatform = rs.getString("group_platform");
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        int county = rs.getInt("county_id");
        Integer countyId = rs.wasNull() ? null : county;
        return new OfficeView(rs.getLong("id"), OfficeLevel.valueOf(rs.getString("level")), parentId,
                rs.getInt("province_id"), countyId, rs.getString("neighbourhood"), rs.getString("name"),
                rs.getString("address"), rs.getString("description"), rs.getString("status"),
                rs.getString("donation_url"),
                groupPlatform == null ? null
                        : new OfficeView.GroupChat(Platform.valueOf(groupPlatform), rs.getLong("group_chat_id")),
                rs.getInt("response_hours"), rs.getString("founding_permit_no"));
    };

    private final JdbcClient jdbc;

    OfficeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Insert(OfficeLevel level, Long parentId, int provinceId, Integer countyId, String neighbourhood,
                  String neighbourhoodKey, String name, String address, String description, String slot,
                  String donationUrl, String foundingPermitNo, Instant createdAt) {
    }

    /** The new office's id, or empty when its active slot (or permit number) is taken. */
    OptionalLong insert(Insert o) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                        INSERT INTO office (level, parent_id, province_id, county_id, neighbourhood, neighbourhood_key,
                                            name, address, description, status, active_slot, donation_url,
                                            founding_permit_no, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(o.level().name(), o.parentId(), o.provinceId(), o.countyId(), o.neighbourhood(),
                        o.neighbourhoodKey(), o.name(), o.address(), o.description(), o.slot(), o.donationUrl(),
                        o.foundingPermitNo(), utc(o.createdAt()))
                .update(keys, "id");
        if (rows == 0) {
            return OptionalLong.empty();
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new office");
        }
        return OptionalLong.of(id.longValue());
    }

    boolean permitTaken(String permitNo) {
        return jdbc.sql("SELECT count(*) FROM office WHERE founding_permit_no = ?").param(permitNo)
                .query(Long.class).single() > 0;
    }

    Optional<OfficeView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE id = ?").param(id).query(VIEW).optional();
    }

    /** Locks the office row for the rest of the transaction (serialises group linking and appointments). */
    Optional<OfficeView> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE id = ? FOR UPDATE").param(id).query(VIEW)
                .optional();
    }

    List<OfficeView> ofProvince(int provinceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE province_id = ? ORDER BY "
                        + "CASE level WHEN 'PROVINCE' THEN 0 WHEN 'COUNTY' THEN 1 ELSE 2 END, county_id, name, id")
                .param(provinceId).query(VIEW).list();
    }

    List<OfficeView> ofCounty(int countyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE county_id = ? ORDER BY "
                        + "CASE level WHEN 'COUNTY' THEN 0 ELSE 1 END, name, id")
                .param(countyId).query(VIEW).list();
    }

    Optional<OfficeView> activeBySlot(String slot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE active_slot = ?").param(slot).query(VIEW)
                .optional();
    }

    List<OfficeView> activeLocalCentres(int countyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE county_id = ? AND level = 'LOCAL' "
                        + "AND status = 'ACTIVE' ORDER BY name, id")
                .param(countyId).query(VIEW).list();
    }

    Optional<OfficeView> byGroup(Platform platform, long chatId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM office WHERE group_platform = ? AND group_chat_id = ?")
                .params(platform.name(), chatId).query(VIEW).optional();
    }

    /** County offices of the province created while it had no province office now hang under it. */
    void adoptOrphanCounties(int provinceId, long provinceOfficeId) {
        jdbc.sql("UPDATE office SET parent_id = ? WHERE level = 'COUNTY' AND province_id = ? AND parent_id IS NULL")
                .params(provinceOfficeId, provinceId).update();
    }

    void linkGroup(long officeId, Platform platform, long chatId, Instant at) {
        jdbc.sql("UPDATE office SET group_platform = ?, group_chat_id = ?, group_linked_at = ? WHERE id = ?")
                .params(platform.name(), chatId, utc(at), officeId).update();
    }

    boolean unlinkGroup(long officeId) {
        return jdbc.sql("UPDATE office SET group_platform = NULL, group_chat_id = NULL, group_linked_at = NULL "
                + "WHERE id = ? AND group_chat_id IS NOT NULL").param(officeId).update() == 1;
    }

    /** Sets the status and slot; false when the slot is taken (then nothing changed). */
    boolean setStatus(long officeId, OfficeStatus status, String slot) {
        if (slot != null && jdbc.sql("SELECT count(*) FROM office WHERE active_slot = ? AND id <> ?")
                .params(slot, officeId).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("UPDATE office SET status = ?, active_slot = ? WHERE id = ?")
                .params(status.name(), slot, officeId).update() == 1;
    }

    void setDonationUrl(long officeId, String url) {
        jdbc.sql("UPDATE office SET donation_url = ? WHERE id = ?").params(url, officeId).update();
    }

    void setDetails(long officeId, String address, String description, int responseHours) {
        jdbc.sql("UPDATE office SET address = ?, description = ?, response_hours = ? WHERE id = ?")
                .params(address, description, responseHours, officeId).update();
    }

    // ---- link codes ----

    void insertCode(String hash, long officeId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO office_link_code (code_hash, office_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash, officeId, utc(createdAt), utc(expiresAt)).update();
    }

    /** Spends the code if it is unused and unexpired: its office, else empty. Single use even under races. */
    Optional<Long> spendCode(String hash, Instant now) {
        int spent = jdbc.sql("UPDATE office_link_code SET used_at = ? "
                        + "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(utc(now), hash, utc(now)).update();
        if (spent == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT office_id FROM office_link_code WHERE code_hash = ?").param(hash)
                .query(Long.class).optional();
    }

    /** Earlier unused codes of the office stop working once a new one is issued. */
    void voidUnusedCodes(long officeId, Instant now) {
        jdbc.sql("UPDATE office_link_code SET used_at = ? WHERE office_id = ? AND used_at IS NULL")
                .params(utc(now), officeId).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

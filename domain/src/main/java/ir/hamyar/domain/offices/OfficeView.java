package ir.hamyar.domain.offices;

import ir.hamyar.domain.shared.Platform;

/**
 * What callers may know about an office. {@code countyId} is null for a province office, {@code neighbourhood}
 * is set for local centres only, {@code group} is null while no manager group is linked, {@code donationUrl}
 * is the office's own (null for local centres: see {@link Offices#donationUrlFor(long)}), {@code status} is an
 * {@link OfficeStatus} name.
 */
public record OfficeView(long id, OfficeLevel level, Long parentId, int provinceId, Integer countyId,
                         String neighbourhood, String name, String address, String description, String status,
                         String donationUrl, GroupChat group, int responseHours, String foundingPermitNo) {

    /** The manager group chat linked as the office's alert channel. */
    public record GroupChat(Platform platform, long chatId) {
    }

    public boolean isActive() {
        return OfficeStatus.ACTIVE.name().equals(status);
    }
}

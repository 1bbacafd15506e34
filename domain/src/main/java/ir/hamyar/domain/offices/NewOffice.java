package ir.hamyar.domain.offices;

/**
 * A new office. The parent is not given but derived: a local centre hangs under its county's active office
 * (required), a county office under its province's active office (or none yet: the admins stand in), a
 * province office has none. Text arrives normalised by the caller. {@code donationUrl} is ignored for local
 * centres (they use their county's); {@code foundingPermitNo} may be null (offices seeded by admins).
 */
public record NewOffice(OfficeLevel level, int provinceId, Integer countyId, String neighbourhood, String name,
                        String address, String description, String donationUrl, String foundingPermitNo) {

    public static NewOffice province(int provinceId, String name) {
        return new NewOffice(OfficeLevel.PROVINCE, provinceId, null, null, name, null, null, null, null);
    }

    public static NewOffice county(int provinceId, int countyId, String name) {
        return new NewOffice(OfficeLevel.COUNTY, provinceId, countyId, null, name, null, null, null, null);
    }

    public static NewOffice local(int provinceId, int countyId, String neighbourhood, String name) {
        return new NewOffice(OfficeLevel.LOCAL, provinceId, countyId, neighbourhood, name, null, null, null, null);
    }

    public NewOffice withAddress(String newAddress) {
        return new NewOffice(level, provinceId, countyId, neighbourhood, name, newAddress, description, donationUrl,
                foundingPermitNo);
    }

    public NewOffice withDescription(String newDescription) {
        return new NewOffice(level, provinceId, countyId, neighbourhood, name, address, newDescription, donationUrl,
                foundingPermitNo);
    }

    public NewOffice withDonationUrl(String url) {
        return new NewOffice(level, provinceId, countyId, neighbourhood, name, address, description, url,
                foundingPermitNo);
    }

    public NewOffice withFoundingPermitNo(String permitNo) {
        return new NewOffice(level, provinceId, countyId, neighbourhood, name, address, description, donationUrl,
                permitNo);
    }
}

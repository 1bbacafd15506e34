package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.domain.broadcasting.Audience;

/**
 * The draft of {@code /broadcast}: the audience picked so far and the content.
 *
 * @param audience kind code (ALL, PROVINCE, COUNTY, INTEREST) or null before it is picked
 * @param page     page of the province or county picker
 * @param filter   typed part of a county name narrowing the county picker (normalised)
 */
record BroadcastDraft(String audience, Integer provinceId, Integer countyId, String interest, String text,
                      String photo, String linkLabel, String linkUrl, int page, String filter) {

    static BroadcastDraft empty() {
        return new BroadcastDraft(null, null, null, null, null, null, null, null, 0, null);
    }

    BroadcastDraft audience(String kind) {
        return new BroadcastDraft(kind, null, null, null, text, photo, linkLabel, linkUrl, 0, null);
    }

    BroadcastDraft province(int id) {
        return new BroadcastDraft(audience, id, null, null, text, photo, linkLabel, linkUrl, 0, null);
    }

    BroadcastDraft county(int id) {
        return new BroadcastDraft(audience, provinceId, id, null, text, photo, linkLabel, linkUrl, 0, null);
    }

    BroadcastDraft interest(String code) {
        return new BroadcastDraft(audience, null, null, code, text, photo, linkLabel, linkUrl, 0, null);
    }

    BroadcastDraft page(int newPage, String newFilter) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, text, photo, linkLabel, linkUrl, newPage,
                newFilter);
    }

    BroadcastDraft content(String newText, String newPhoto) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, newText, newPhoto, linkLabel, linkUrl, 0,
                null);
    }

    BroadcastDraft link(String label, String url) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, text, photo, label, url, 0, null);
    }

    /** The picked audience, or null while it is incomplete. */
    Audience toAudience() {
        if (audience == null) {
            return null;
        }
        return switch (audience) {
            case "ALL" -> new Audience.AllMembers();
            case "PROVINCE" -> provinceId == null ? null : new Audience.InProvince(provinceId);
            case "COUNTY" -> countyId == null ? null : new Audience.InCounty(countyId);
            case "INTEREST" -> interest == null ? null : new Audience.WithInterest(interest);
            default -> null;
        };
    }
}

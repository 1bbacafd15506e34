package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.domain.broadcasting.Audience;

/**
 * The draft of {@code /broadcast}: the audience picked so far and the content.
 *
 * @param audience   kind code (ALL, PROVINCE, COUNTY, INTEREST, OFFICE, MANAGERS, COURSE) or null before it is picked
 * @param provinceId the province picked for PROVINCE and COUNTY, of the offices listed for OFFICE, of the managers
 *                   for MANAGERS (null there: managers of every province)
 * @param page       page of the province, county, office or course picker
 * @param filter     typed part of a county name narrowing the county picker (normalised)
 * @param scoped     a manager's broadcast: the audience is one of their offices and nothing else may be picked
 */
record BroadcastDraft(String audience, Integer provinceId, Integer countyId, String interest, Long officeId,
                      Long courseId, String text, String photo, String linkLabel, String linkUrl, int page,
                      String filter, boolean scoped) {

    static BroadcastDraft empty() {
        return new BroadcastDraft(null, null, null, null, null, null, null, null, null, null, 0, null, false);
    }

    /** A manager's draft: their office's members, or (with several offices) the office still to pick. */
    static BroadcastDraft scopedTo(Long officeIdOrNull) {
        return new BroadcastDraft("OFFICE", null, null, null, officeIdOrNull, null, null, null, null, null, 0, null,
                true);
    }

    BroadcastDraft audience(String kind) {
        return new BroadcastDraft(kind, null, null, null, scoped ? officeId : null, null, text, photo, linkLabel,
                linkUrl, 0, null, scoped);
    }

    BroadcastDraft province(Integer id) {
        return new BroadcastDraft(audience, id, null, null, null, null, text, photo, linkLabel, linkUrl, 0, null,
                scoped);
    }

    BroadcastDraft county(int id) {
        return new BroadcastDraft(audience, provinceId, id, null, null, null, text, photo, linkLabel, linkUrl, 0, null,
                scoped);
    }

    BroadcastDraft interest(String code) {
        return new BroadcastDraft(audience, null, null, code, null, null, text, photo, linkLabel, linkUrl, 0, null,
                scoped);
    }

    BroadcastDraft office(long id) {
        return new BroadcastDraft(audience, provinceId, null, null, id, null, text, photo, linkLabel, linkUrl, 0, null,
                scoped);
    }

    BroadcastDraft course(long id) {
        return new BroadcastDraft(audience, null, null, null, null, id, text, photo, linkLabel, linkUrl, 0, null,
                scoped);
    }

    BroadcastDraft page(int newPage, String newFilter) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, officeId, courseId, text, photo, linkLabel,
                linkUrl, newPage, newFilter, scoped);
    }

    BroadcastDraft content(String newText, String newPhoto) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, officeId, courseId, newText, newPhoto,
                linkLabel, linkUrl, 0, null, scoped);
    }

    BroadcastDraft link(String label, String url) {
        return new BroadcastDraft(audience, provinceId, countyId, interest, officeId, courseId, text, photo, label, url,
                0, null, scoped);
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
            case "OFFICE" -> officeId == null ? null : new Audience.OfficeMembers(officeId);
            // reached only once "every province" or one province was picked
            case "MANAGERS" -> new Audience.Managers(provinceId);
            case "COURSE" -> courseId == null ? null : new Audience.CourseEnrolees(courseId);
            default -> null;
        };
    }
}

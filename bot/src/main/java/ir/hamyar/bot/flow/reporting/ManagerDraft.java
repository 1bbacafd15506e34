package ir.hamyar.bot.flow.reporting;

/**
 * The draft of a manager's short form about one report: reject with a reason, a note, or a forward.
 *
 * @param isPublic for a note: whether it goes to the reporter
 * @param officeId for a forward: the chosen office
 */
record ManagerDraft(long reportId, String trackingCode, boolean isPublic, Long officeId) {

    ManagerDraft office(long id) {
        return new ManagerDraft(reportId, trackingCode, isPublic, id);
    }
}
